package com.foobar.infra.router.config;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import jakarta.servlet.http.Cookie;

import com.foobar.infra.router.consistency.GtidCookieCodec;
import com.foobar.infra.router.consistency.GtidPosition;
import com.foobar.infra.router.consistency.ReadYourWritesContext;
import com.foobar.infra.router.consistency.ReadYourWritesFilter;
import com.foobar.infra.router.health.ReplicaCheckResult;
import com.foobar.infra.router.health.ReplicaChecker;
import com.foobar.infra.router.routing.RecordingDataSource;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

class ReadYourWritesWebAutoConfigurationTests {

    private static final AutoConfigurations ROUTER = AutoConfigurations.of(ReplicationRouterAutoConfiguration.class,
            ReadYourWritesWebAutoConfiguration.class, DataSourceAutoConfiguration.class);

    private static final String[] PROPERTIES = {
        "foobar.datasource.username=foobar",
        "foobar.datasource.password=secret",
        "foobar.datasource.primary.name=db-primary",
        "foobar.datasource.primary.url=jdbc:mysql://127.0.0.1:23399/foobar",
        "foobar.datasource.replicas[0].name=db-replica-1",
        "foobar.datasource.replicas[0].url=jdbc:mysql://127.0.0.1:23398/foobar",
        "foobar.datasource.health.interval=1h" };

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner().withConfiguration(ROUTER)
            .withPropertyValues(PROPERTIES)
            .withBean(DatabaseNodePoolFactory.class, () -> (node, replica) -> new RecordingDataSource(node.name()))
            .withBean(ReplicaChecker.class, () -> (name) -> new ReplicaCheckResult(true, true, 0L, ""));

    @Test
    void shouldAddTheCookieFilterInServletApplications() {
        this.runner.run((context) -> assertThat(context).hasSingleBean(ReadYourWritesFilter.class));
    }

    @Test
    void shouldAcceptCookiesSignedWithTheConfiguredKey() {
        String key = "a shared secret, 16+";
        this.runner.withPropertyValues("foobar.datasource.read-your-writes.key=" + key,
                "foobar.datasource.read-your-writes.cookie-name=last-write")
            .run((context) -> {
                GtidPosition position = new GtidPosition("0-1-42");
                MockHttpServletRequest request = new MockHttpServletRequest();
                request.setCookies(new Cookie("last-write",
                        new GtidCookieCodec(key.getBytes(StandardCharsets.UTF_8)).encode(position)));
                ReadYourWritesContext readYourWrites = context.getBean(ReadYourWritesContext.class);
                AtomicReference<Optional<GtidPosition>> required = new AtomicReference<>();

                context.getBean(ReadYourWritesFilter.class).doFilter(request, new MockHttpServletResponse(),
                        (filtered, response) -> required.set(readYourWrites.required()));

                assertThat(required.get()).contains(position);
            });
    }

    @Test
    void shouldNotAddTheCookieFilterWhenReadYourWritesIsDisabled() {
        this.runner.withPropertyValues("foobar.datasource.read-your-writes.enabled=false")
            .run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(ReadYourWritesFilter.class));
    }

    @Test
    void shouldNotAddTheCookieFilterOutsideServletApplications() {
        new ApplicationContextRunner().withConfiguration(ROUTER)
            .withPropertyValues(PROPERTIES)
            .run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(ReadYourWritesFilter.class));
    }

    @Test
    void shouldBackOffWhenTheApplicationDefinesADataSource() {
        this.runner.withBean(DataSource.class, SimpleDriverDataSource::new).run((context) -> {
            assertThat(context).hasNotFailed().getBean(DataSource.class).isInstanceOf(SimpleDriverDataSource.class);
            assertThat(context).doesNotHaveBean(ReadYourWritesFilter.class);
        });
    }

}
