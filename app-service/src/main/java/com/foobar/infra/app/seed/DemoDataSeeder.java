package com.foobar.infra.app.seed;

import java.io.PrintStream;
import java.util.Random;

import com.foobar.infra.router.config.ReplicationRouterProperties;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnNotWebApplication;
import org.springframework.stereotype.Component;

/**
 * The seed run: app-service started without a web server ({@code spring.main.web-application-type=none}) creates
 * the demo users and posts {@code foobar.seed} asks for, printing its progress, and exits
 * ({@code ./foobar seed} runs it against the local topology, with the settings the application servers get).
 *
 * <p>It writes through the same router, in read-write transactions, so everything lands on the primary and
 * reaches the replicas by replication, like any other write. Posts go in batches of {@value #BATCH}, each one
 * transaction and one JDBC batch.
 */
@Component
@ConditionalOnNotWebApplication
class DemoDataSeeder implements ApplicationRunner {

    static final int BATCH = 100;

    private final SeedProperties seed;

    private final DemoUsers users;

    private final DemoPosts posts;

    private final String primary;

    // The command's own output, apart from the log, which a seed run keeps to warnings.
    private final PrintStream out = System.out;

    DemoDataSeeder(SeedProperties seed, DemoUsers users, DemoPosts posts, ReplicationRouterProperties database) {
        this.seed = seed;
        this.users = users;
        this.posts = posts;
        this.primary = database.primary().name() + " (" + database.primary().url() + ")";
    }

    @Override
    public void run(ApplicationArguments args) {
        this.out.printf("seed: writing to %s%n", this.primary);
        DemoUsers.Result demo = this.users.ensure(this.seed.users());
        this.out.printf("seed: users demo-1..demo-%d (password %s): %d created, %d already there%n",
                this.seed.users(), DemoUsers.PASSWORD, demo.created(), this.seed.users() - demo.created());
        // Seeded, so that two runs write the same sentences and a demo is repeatable.
        Random random = new Random(this.seed.posts());
        for (int done = 0; done < this.seed.posts(); done += BATCH) {
            int count = Math.min(BATCH, this.seed.posts() - done);
            this.posts.insert(count, done, this.seed.posts(), demo.ids(), random);
            this.out.printf("seed: posts %d/%d%n", done + count, this.seed.posts());
        }
        this.out.printf("seed: done, %d users created and %d posts added%n", demo.created(), this.seed.posts());
    }
}
