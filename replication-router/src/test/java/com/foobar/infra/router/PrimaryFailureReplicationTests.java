package com.foobar.infra.router;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import javax.sql.DataSource;

import com.foobar.infra.mariadb.ReplicatedCluster;
import com.foobar.infra.router.health.ReplicaHealthMonitor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    private static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(2);

    @TempDir
    static Path dir;

    static ReplicatedCluster cluster;

    @BeforeAll
    static void startCluster() {
        cluster = RouterTestSupport.startCluster(dir, 24_806, 2);
    }

    @AfterAll
    static void stopCluster() {
        cluster.close();
    }

    @Test
    void shouldFailWritesFastAndKeepReadingWhenThePrimaryDies() throws Exception {
        try (AnnotationConfigApplicationContext context = RouterTestSupport.router(cluster, List.of(),
                "foobar.datasource.health.interval=200ms",
                "foobar.datasource.pool.connection-timeout=" + CONNECTION_TIMEOUT.toMillis() + "ms")) {
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

}
