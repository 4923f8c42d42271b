package com.foobar.infra.mariadb;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Real {@code mariadbd} processes: a primary and one replica following it by GTID. */
class ReplicationSetupTests {

    private static final DatabaseCredentials CREDENTIALS = new DatabaseCredentials("foobar", "admin", "adminpw1",
            "app", "apppw1", "repl", "replpw1");

    private static final ReplicationSetup SETUP = new ReplicationSetup(CREDENTIALS);

    private static final List<Process> processes = new ArrayList<>();

    @TempDir
    static Path dir;

    static MariaDbServer primary;

    static MariaDbServer replica;

    @BeforeAll
    static void startServers() throws Exception {
        MariaDbDistribution distribution = MariaDbDistribution.unpack(Path.of("..", ".foobar").toAbsolutePath());
        int basePort = 24_406;
        primary = new MariaDbServer("db-primary", DatabaseRole.PRIMARY, basePort, 1, dir.resolve("primary"),
                dir.resolve("run"), distribution);
        replica = new MariaDbServer("db-replica-1", DatabaseRole.REPLICA, basePort + 1, 2, dir.resolve("replica"),
                dir.resolve("run"), distribution);
        for (MariaDbServer server : List.of(primary, replica)) {
            server.install(CREDENTIALS, dir.resolve(server.name() + ".log"));
            processes.add(server.processBuilder(dir.resolve(server.name() + ".log")).start());
        }
        for (MariaDbServer server : List.of(primary, replica)) {
            awaitReachable(server);
        }
        SETUP.preparePrimary(primary.port());
        SETUP.followPrimary(replica.port(), primary.port());
        awaitApplicationAccount(replica);
    }

    @AfterAll
    static void stopServers() throws InterruptedException {
        for (Process process : processes) {
            process.destroy();
        }
        for (Process process : processes) {
            process.waitFor();
        }
    }

    @Test
    void shouldReplicateApplicationWritesToTheReplica() throws Exception {
        try (Connection connection = appConnection(primary); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS note (id INT PRIMARY KEY, text VARCHAR(50))");
            statement.execute("INSERT INTO note VALUES (1, 'replicated')");
        }
        Instant deadline = Instant.now().plusSeconds(20);
        String seen = null;
        while (seen == null && Instant.now().isBefore(deadline)) {
            seen = readNote(replica);
            Thread.sleep(50);
        }
        assertThat(seen).as("row on the replica; %s", SETUP.status(replica.port())).isEqualTo("replicated");
        assertThat(SETUP.status(replica.port()).isReplicating()).isTrue();
    }

    @Test
    void shouldRefuseApplicationWritesOnTheReplica() {
        assertThatExceptionOfType(SQLException.class).isThrownBy(() -> {
            try (Connection connection = appConnection(replica); Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE refused (id INT PRIMARY KEY)");
            }
        }).withMessageContaining("read-only");
    }

    @Test
    void shouldReportAPrimaryAsNotReplicating() throws SQLException {
        assertThat(SETUP.status(primary.port()).isReplicating()).isFalse();
    }

    private static String readNote(MariaDbServer server) {
        try (Connection connection = appConnection(server);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT text FROM note WHERE id = 1")) {
            return rows.next() ? rows.getString(1) : null;
        }
        catch (SQLException ex) {
            return null;
        }
    }

    private static Connection appConnection(MariaDbServer server) throws SQLException {
        return DriverManager.getConnection(server.jdbcUrl("foobar"), CREDENTIALS.appUser(), CREDENTIALS.appPassword());
    }

    // The application's account reaches the replica by replication, like everything written on the primary.
    private static void awaitApplicationAccount(MariaDbServer server) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (true) {
            try (Connection connection = appConnection(server)) {
                return;
            }
            catch (SQLException ex) {
                assertThat(Instant.now()).as("account replicated in time; %s", SETUP.status(server.port()))
                    .isBefore(deadline);
                Thread.sleep(100);
            }
        }
    }

    private static void awaitReachable(MariaDbServer server) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!SETUP.isReachable(server.port())) {
            assertThat(Instant.now()).as(server.name() + " reachable in time").isBefore(deadline);
            Thread.sleep(100);
        }
    }

}
