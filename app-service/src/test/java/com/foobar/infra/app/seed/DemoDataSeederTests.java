package com.foobar.infra.app.seed;

import java.util.List;

import com.foobar.infra.app.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seed run as {@code ./foobar seed} starts it: app-service without a web server, which seeds at start-up.
 */
@SpringBootTest(webEnvironment = WebEnvironment.NONE,
        properties = { "foobar.seed.users=3", "foobar.seed.posts=150" })
@ExtendWith(OutputCaptureExtension.class)
class DemoDataSeederTests {

    @Autowired
    private DemoDataSeeder seeder;

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private PasswordEncoder passwordEncoder;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    @Test
    void shouldCreateTheDemoUsersWithTheDemoPassword() {
        List<String> hashes = this.jdbc.queryForList(
                "SELECT password_hash FROM users WHERE username IN ('demo-1', 'demo-2', 'demo-3')", String.class);

        assertThat(hashes).hasSize(3).allSatisfy((hash) -> assertThat(hash).startsWith("{argon2}"))
                .allMatch((hash) -> this.passwordEncoder.matches("demo-password", hash));
    }

    @Test
    void shouldKeepExistingUsersAndAddPostsSpreadOverThemOnEachRun(CapturedOutput output) {
        int postsBefore = postsOfDemoUsers();

        this.seeder.run(new DefaultApplicationArguments());

        assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM users WHERE username LIKE 'demo-%'",
                Integer.class)).isEqualTo(3);
        assertThat(postsOfDemoUsers()).isEqualTo(postsBefore + 150);
        assertThat(this.jdbc.queryForObject("SELECT COUNT(DISTINCT author_id) FROM post p JOIN users u "
                + "ON u.id = p.author_id WHERE u.username LIKE 'demo-%'", Integer.class)).isEqualTo(3);
        assertThat(output).contains("seed: users demo-1..demo-3 (password demo-password): 0 created, 3 already there")
                .contains("seed: posts 100/150").contains("seed: posts 150/150")
                .contains("seed: done, 0 users created and 150 posts added");
    }

    private int postsOfDemoUsers() {
        return this.jdbc.queryForObject("SELECT COUNT(*) FROM post p JOIN users u ON u.id = p.author_id "
                + "WHERE u.username LIKE 'demo-%'", Integer.class);
    }
}
