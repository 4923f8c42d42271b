package com.foobar.infra.router.mysql;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

import javax.sql.DataSource;

import com.foobar.infra.router.config.ReplicationRouterAutoConfiguration;
import com.foobar.infra.router.consistency.GtidPosition;
import com.foobar.infra.router.consistency.ReadYourWritesContext;
import com.foobar.infra.router.health.ReplicaHealthMonitor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.Network;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.mysql.MySQLContainer;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The router against MySQL 8.4 with GTID replication (a source and one replica in containers), where Docker
 * runs. Where it does not, JUnit reports these tests as skipped because Docker is not available: the local
 * MariaDB tests cover the same behaviour there and never stand in for these.
 */
@Testcontainers(disabledWithoutDocker = true)
class MySqlReplicationContainerTests {

    private static final String IMAGE = "mysql:8.4";

    private static final String[] GTID = { "--gtid-mode=ON", "--enforce-gtid-consistency=ON", "--log-bin=binlog" };

    static Network network = Network.newNetwork();

    static MySQLContainer source = new MySQLContainer(IMAGE).withNetwork(network)
        .withNetworkAliases("source")
        .withDatabaseName("foobar")
        .withCommand(command("--server-id=1"));

    static MySQLContainer replica = new MySQLContainer(IMAGE).withNetwork(network)
        .withDatabaseName("foobar")
        .withCommand(command("--server-id=2"));

    static AnnotationConfigApplicationContext context;

    @BeforeAll
    static void startReplication() throws SQLException {
        source.start();
        replica.start();
        root(source, "CREATE USER 'repl'@'%' IDENTIFIED BY 'replpw1'", "GRANT REPLICATION SLAVE ON *.* TO 'repl'@'%'");
        // Both containers ran the same initialisation, so the replica starts from the source's current position.
        String sourcePosition;
        try (Connection connection = DriverManager.getConnection(source.getJdbcUrl(), "root", source.getPassword());
                Statement statement = connection.createStatement();
                var rows = statement.executeQuery("SELECT @@GLOBAL.gtid_executed")) {
            rows.next();
            sourcePosition = rows.getString(1);
        }
        // The application's account may read the replica's status, and only read its data.
        root(replica, "RESET BINARY LOGS AND GTIDS", "SET GLOBAL gtid_purged = '" + sourcePosition + "'",
                "GRANT REPLICATION CLIENT ON *.* TO '" + replica.getUsername() + "'@'%'",
                "CHANGE REPLICATION SOURCE TO SOURCE_HOST='source', SOURCE_PORT=3306, SOURCE_USER='repl', "
                        + "SOURCE_PASSWORD='replpw1', SOURCE_AUTO_POSITION=1, GET_SOURCE_PUBLIC_KEY=1",
                "START REPLICA", "SET GLOBAL super_read_only = ON");
        context = new AnnotationConfigApplicationContext();
        TestPropertyValues.of("foobar.datasource.username=" + source.getUsername(),
                "foobar.datasource.password=" + source.getPassword(), "foobar.datasource.primary.name=db-primary",
                "foobar.datasource.primary.url=" + source.getJdbcUrl(),
                "foobar.datasource.replicas[0].name=db-replica-1",
                "foobar.datasource.replicas[0].url=" + replica.getJdbcUrl(),
                "foobar.datasource.health.interval=200ms")
            .applyTo(context);
        context.register(ReplicationRouterAutoConfiguration.class);
        context.refresh();
    }

    @AfterAll
    static void stop() {
        if (context != null) {
            context.close();
        }
        replica.stop();
        source.stop();
        network.close();
    }

    @Test
    void shouldRouteByTheReadOnlyFlagAndSeeTheReplicaHealthy() throws Exception {
        await(() -> context.getBean(ReplicaHealthMonitor.class).describe().get("db-replica-1").startsWith("UP, "
                + "replicating"));
        JdbcTemplate jdbc = new JdbcTemplate(dataSource());
        Integer reader = transaction(true).execute((status) -> jdbc.queryForObject("SELECT @@server_id", Integer.class));
        Integer writer = transaction(false)
            .execute((status) -> jdbc.queryForObject("SELECT @@server_id", Integer.class));
        assertThat(reader).isEqualTo(2);
        assertThat(writer).isEqualTo(1);
    }

    @Test
    void shouldReadItsOwnWriteOnALaggingReplica() throws Exception {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource());
        transaction(false).executeWithoutResult(
                (status) -> jdbc.execute("CREATE TABLE IF NOT EXISTS note (id INT PRIMARY KEY, text VARCHAR(50))"));
        root(replica, "STOP REPLICA SQL_THREAD");
        ReadYourWritesContext unitOfWork = context.getBean(ReadYourWritesContext.class);
        GtidPosition[] written = new GtidPosition[1];
        unitOfWork.begin(null, (position) -> written[0] = position);
        try {
            transaction(false).executeWithoutResult((status) -> jdbc.update("INSERT INTO note VALUES (1, 'mine')"));
            assertThat(written[0]).isNotNull();
            String text = transaction(true)
                .execute((status) -> jdbc.queryForObject("SELECT text FROM note WHERE id = 1", String.class));
            assertThat(text).isEqualTo("mine");
        }
        finally {
            unitOfWork.end();
            root(replica, "START REPLICA SQL_THREAD");
        }
    }

    private static DataSource dataSource() {
        return context.getBean(DataSource.class);
    }

    private static TransactionTemplate transaction(boolean readOnly) {
        TransactionTemplate template = new TransactionTemplate(new DataSourceTransactionManager(dataSource()));
        template.setReadOnly(readOnly);
        return template;
    }

    private static String[] command(String serverId) {
        String[] command = new String[GTID.length + 1];
        command[0] = serverId;
        System.arraycopy(GTID, 0, command, 1, GTID.length);
        return command;
    }

    private static void root(MySQLContainer server, String... statements) throws SQLException {
        try (Connection connection = DriverManager.getConnection(server.getJdbcUrl(), "root", server.getPassword());
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).isBefore(deadline);
            Thread.sleep(100);
        }
    }

}
