package com.foobar.infra.router;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import javax.sql.DataSource;

import com.foobar.infra.mariadb.DatabaseCredentials;
import com.foobar.infra.mariadb.ReplicatedCluster;
import com.foobar.infra.router.config.ReplicationRouterAutoConfiguration;
import com.foobar.infra.router.health.ReplicaHealthMonitor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The primary killed with SIGKILL: writes fail within the primary's connection timeout instead of hanging, and
 * reads go on from the replicas, which cannot reach the primary any more but still hold its data.
 */
class PrimaryFailureReplicationTests {

    private static final DatabaseCredentials CREDENTIALS = new DatabaseCredentials("foobar", "admin", "adminpw1",
            "app", "apppw1", "repl", "replpw1");

    private static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(2);

    @TempDir
    static Path dir;

    static ReplicatedCluster cluster;

    @BeforeAll
    static void startCluster() {
        cluster = ReplicatedCluster.start(Path.of("..", ".foobar").toAbsolutePath(), dir, 24_806, 2, CREDENTIALS);
    }

    @AfterAll
    static void stopCluster() {
        cluster.close();
    }

    @Test
    void shouldFailWritesFastAndKeepReadingWhenThePrimaryDies() throws Exception {
        try (AnnotationConfigApplicationContext context = router()) {
            DataSource dataSource = context.getBean(DataSource.class);
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            TransactionTemplate write = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
            TransactionTemplate read = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
            read.setReadOnly(true);
            write.executeWithoutResult((status) -> jdbc.execute("CREATE TABLE survivor (id INT PRIMARY KEY)"));
            write.executeWithoutResult((status) -> jdbc.update("INSERT INTO survivor VALUES (1)"));
            cluster.awaitCaughtUp();

            cluster.process(cluster.primary()).destroyForcibly().waitFor();

            Instant start = Instant.now();
            assertThatExceptionOfType(DataAccessException.class).isThrownBy(
                    () -> write.executeWithoutResult((status) -> jdbc.update("INSERT INTO survivor VALUES (2)")));
            assertThat(Duration.between(start, Instant.now())).isLessThan(CONNECTION_TIMEOUT.plusSeconds(2));

            // Long enough for the monitor (200 ms checks, fall 3) to see the replicas lose the primary.
            Thread.sleep(1_000);
            for (int i = 0; i < 10; i++) {
                Integer rows = read.execute((status) -> jdbc.queryForObject("SELECT COUNT(*) FROM survivor",
                        Integer.class));
                assertThat(rows).isEqualTo(1);
            }
            ReplicaHealthMonitor monitor = context.getBean(ReplicaHealthMonitor.class);
            assertThat(monitor.describe().get("db-replica-1")).isEqualTo(
                    "UP, primary unreachable, serving the data it has");
        }
    }

    private static AnnotationConfigApplicationContext router() {
        AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
        TestPropertyValues.of("foobar.datasource.username=app", "foobar.datasource.password=apppw1",
                "foobar.datasource.primary.name=db-primary",
                "foobar.datasource.primary.url=" + cluster.applicationUrl(cluster.primary()),
                "foobar.datasource.replicas[0].name=db-replica-1",
                "foobar.datasource.replicas[0].url=" + cluster.applicationUrl(cluster.replicas().get(0)),
                "foobar.datasource.replicas[1].name=db-replica-2",
                "foobar.datasource.replicas[1].url=" + cluster.applicationUrl(cluster.replicas().get(1)),
                "foobar.datasource.health.interval=200ms",
                "foobar.datasource.pool.connection-timeout=" + CONNECTION_TIMEOUT.toMillis() + "ms")
            .applyTo(context);
        context.register(ReplicationRouterAutoConfiguration.class);
        context.refresh();
        return context;
    }

}
