package com.foobar.infra.router;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import javax.sql.DataSource;

import com.foobar.infra.mariadb.MariaDbServer;
import com.foobar.infra.mariadb.ReplicatedCluster;
import com.foobar.infra.router.health.ReplicaHealthMonitor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The router against real replication: a primary and two replicas ({@code mariadbd} processes), the router
 * auto-configured as an application would have it, replicas checked every 200 ms (fall 2, rise 2, max lag 1 s).
 */
@ExtendWith(OutputCaptureExtension.class)
class ReplicaHealthReplicationTests {

    private static final Duration INTERVAL = Duration.ofMillis(200);

    @TempDir
    static Path dir;

    static ReplicatedCluster cluster;

    ConfigurableApplicationContext context;

    @BeforeAll
    static void startCluster() {
        cluster = RouterTestSupport.startCluster(dir, 24_506, 2);
    }

    @AfterAll
    static void stopCluster() {
        cluster.close();
    }

    @BeforeEach
    void startRouter() {
        this.context = RouterTestSupport.router(cluster, List.of(),
                "foobar.datasource.health.interval=" + INTERVAL.toMillis() + "ms", "foobar.datasource.health.fall=2",
                "foobar.datasource.health.rise=2");
    }

    @AfterEach
    void stopRouter() {
        this.context.close();
    }

    @Test
    void shouldSendReadOnlyTransactionsToTheReplicasAndWritesToThePrimary() {
        assertThat(portsOfReads(4)).isEqualTo(Map.of(replica(1).port(), 2, replica(2).port(), 2));
        Integer writer = transaction(false).execute((status) -> jdbc().queryForObject("SELECT @@port", Integer.class));
        assertThat(writer).isEqualTo(cluster.primary().port());
    }

    @Test
    void shouldTakeAReplicaWhoseReplicationStoppedOutAndPutItBack() throws Exception {
        admin(replica(1), "STOP SLAVE SQL_THREAD");
        try {
            Duration out = timeUntil(() -> !monitor().isEligible("db-replica-1"));
            assertThat(out).isLessThan(INTERVAL.multipliedBy(2 + 1).plusSeconds(2));
            assertThat(portsOfReads(10)).isEqualTo(Map.of(replica(2).port(), 10));
        }
        finally {
            admin(replica(1), "START SLAVE SQL_THREAD");
        }
        Duration back = timeUntil(() -> monitor().isEligible("db-replica-1"));
        assertThat(back).isLessThan(INTERVAL.multipliedBy(2 + 1).plusSeconds(2));
        assertThat(portsOfReads(4)).containsKeys(replica(1).port(), replica(2).port());
    }

    @Test
    void shouldTakeOutAReplicaCutOffFromAPrimaryThatIsUp() throws Exception {
        // Port 1 answers nothing: the replica's I/O thread keeps "Connecting" while the primary is fine.
        admin(replica(1), "STOP SLAVE", "CHANGE MASTER TO MASTER_PORT=1", "START SLAVE");
        try {
            timeUntil(() -> !monitor().isEligible("db-replica-1"));
            assertThat(monitor().describe().get("db-replica-1")).contains("cannot reach the primary, which is up");
        }
        finally {
            admin(replica(1), "STOP SLAVE", "CHANGE MASTER TO MASTER_PORT=" + cluster.primary().port(), "START SLAVE");
        }
        timeUntil(() -> monitor().isEligible("db-replica-1"));
    }

    @Test
    void shouldReadFromThePrimaryWhileEveryReplicaLags(CapturedOutput output) throws Exception {
        for (int i = 1; i <= 2; i++) {
            admin(replica(i), "STOP SLAVE", "CHANGE MASTER TO MASTER_DELAY=30", "START SLAVE");
        }
        try {
            // A write the replicas hold back for 30 s: their lag grows past the 1 s limit.
            transaction(false).executeWithoutResult((status) -> jdbc().execute("CREATE TABLE IF NOT EXISTS lag_probe"
                    + " (id INT PRIMARY KEY)"));
            timeUntil(() -> !monitor().isEligible("db-replica-1") && !monitor().isEligible("db-replica-2"));
            assertThat(portsOfReads(20)).isEqualTo(Map.of(cluster.primary().port(), 20));
            assertThat(monitor().describe().get("db-replica-1")).startsWith("DOWN, lagging");
            assertThat(output.getOut().split("No replica is eligible", -1)).hasSize(2);
        }
        finally {
            for (int i = 1; i <= 2; i++) {
                admin(replica(i), "STOP SLAVE", "CHANGE MASTER TO MASTER_DELAY=0", "START SLAVE");
            }
        }
        timeUntil(() -> monitor().isEligible("db-replica-1") && monitor().isEligible("db-replica-2"));
    }

    private Map<Integer, Integer> portsOfReads(int reads) {
        Map<Integer, Integer> ports = new HashMap<>();
        for (int i = 0; i < reads; i++) {
            Integer port = transaction(true)
                .execute((status) -> jdbc().queryForObject("SELECT @@port", Integer.class));
            ports.merge(port, 1, Integer::sum);
        }
        return ports;
    }

    private TransactionTemplate transaction(boolean readOnly) {
        TransactionTemplate template = new TransactionTemplate(
                new DataSourceTransactionManager(this.context.getBean(DataSource.class)));
        template.setReadOnly(readOnly);
        return template;
    }

    private JdbcTemplate jdbc() {
        return new JdbcTemplate(this.context.getBean(DataSource.class));
    }

    private ReplicaHealthMonitor monitor() {
        return this.context.getBean(ReplicaHealthMonitor.class);
    }

    private static MariaDbServer replica(int number) {
        return cluster.replicas().get(number - 1);
    }

    private static void admin(MariaDbServer server, String... statements) throws SQLException {
        try (Connection connection = cluster.setup().adminConnection(server.port());
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private static Duration timeUntil(BooleanSupplier condition) throws InterruptedException {
        Instant start = Instant.now();
        while (!condition.getAsBoolean()) {
            assertThat(Duration.between(start, Instant.now())).as("waited for the monitor")
                .isLessThan(Duration.ofSeconds(30));
            Thread.sleep(20);
        }
        return Duration.between(start, Instant.now());
    }

}
