package com.foobar.infra.mariadb;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;

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

    @TempDir
    static Path dir;

    static ReplicatedCluster cluster;

    @BeforeAll
    static void startServers() {
        cluster = ReplicatedCluster.start(Path.of("..", ".foobar").toAbsolutePath(), dir, 24_406, 1, CREDENTIALS);
    }

    @AfterAll
    static void stopServers() {
        cluster.close();
    }

    @Test
    void shouldReplicateApplicationWritesToTheReplica() throws Exception {
        try (Connection connection = appConnection(cluster.primary());
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS note (id INT PRIMARY KEY, text VARCHAR(50))");
            statement.execute("INSERT INTO note VALUES (1, 'replicated')");
        }
        MariaDbServer replica = cluster.replicas().getFirst();
        Instant deadline = Instant.now().plusSeconds(20);
        String seen = null;
        while (seen == null && Instant.now().isBefore(deadline)) {
            seen = readNote(replica);
            Thread.sleep(50);
        }
        assertThat(seen).as("row on the replica; %s", cluster.setup().status(replica.port())).isEqualTo("replicated");
        assertThat(cluster.setup().status(replica.port()).isReplicating()).isTrue();
    }

    @Test
    void shouldRefuseApplicationWritesOnTheReplica() {
        assertThatExceptionOfType(SQLException.class).isThrownBy(() -> {
            try (Connection connection = appConnection(cluster.replicas().getFirst());
                    Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE refused (id INT PRIMARY KEY)");
            }
        }).withMessageContaining("read-only");
    }

    @Test
    void shouldReportAPrimaryAsNotReplicating() throws SQLException {
        assertThat(cluster.setup().status(cluster.primary().port()).isReplicating()).isFalse();
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
        return DriverManager.getConnection(cluster.applicationUrl(server), CREDENTIALS.appUser(),
                CREDENTIALS.appPassword());
    }

}
