package com.foobar.infra.app;

import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * What the tests of the whole application share: the application over MockMvc (every filter, Spring Security and
 * Spring Session included) against the real {@link TestDatabase}, and a {@link Browser} per user. Subclasses that
 * declare no other configuration share one application context.
 *
 * <p>The tests share the database too, so each names its users uniquely ({@link #unique}) and finds its posts by
 * their ids, its users' pages or its own search words, never by what else the timeline holds.
 */
@SpringBootTest
@AutoConfigureMockMvc
public abstract class ApiTestSupport {

    private static final AtomicInteger users = new AtomicInteger();

    private static final String RUN = Long.toString(System.nanoTime() % 1_000_000, 36);

    @Autowired
    protected MockMvcTester mvc;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    protected Browser browser() {
        return new Browser(this.mvc);
    }

    /** A username no other test uses, in this run or an earlier one on the same database. */
    protected static String unique(String prefix) {
        return prefix + "-" + RUN + "-" + users.incrementAndGet();
    }
}
