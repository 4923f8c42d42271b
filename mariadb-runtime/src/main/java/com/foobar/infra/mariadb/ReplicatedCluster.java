package com.foobar.infra.mariadb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A primary and its replicas as real {@code mariadbd} processes, replicating by GTID, started together and closed
 * together: what tests of replication-aware code run against.
 *
 * <p>Ports are {@code basePort} for the primary and {@code basePort + i} for replica {@code i}; data lives below
 * {@code dir}. Closing stops every server (SIGTERM, then SIGKILL after 20 s).
 */
public final class ReplicatedCluster implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final DatabaseCredentials credentials;

    private final ReplicationSetup setup;

    private final MariaDbServer primary;

    private final List<MariaDbServer> replicas;

    private final List<Process> processes = new ArrayList<>();

    private ReplicatedCluster(DatabaseCredentials credentials, MariaDbServer primary, List<MariaDbServer> replicas) {
        this.credentials = credentials;
        this.setup = new ReplicationSetup(credentials);
        this.primary = primary;
        this.replicas = replicas;
    }

    /** Installs, starts and connects a primary and {@code replicaCount} replicas; returns once all replicate. */
    public static ReplicatedCluster start(Path binariesDir, Path dir, int basePort, int replicaCount,
            DatabaseCredentials credentials) {
        MariaDbDistribution distribution = MariaDbDistribution.unpack(binariesDir);
        Path run = dir.resolve("run");
        MariaDbServer primary = new MariaDbServer("db-primary", DatabaseRole.PRIMARY, basePort, 1,
                dir.resolve("db-primary"), run, distribution);
        List<MariaDbServer> replicas = new ArrayList<>();
        for (int i = 1; i <= replicaCount; i++) {
            replicas.add(new MariaDbServer("db-replica-" + i, DatabaseRole.REPLICA, basePort + i, i + 1,
                    dir.resolve("db-replica-" + i), run, distribution));
        }
        ReplicatedCluster cluster = new ReplicatedCluster(credentials, primary, List.copyOf(replicas));
        try {
            cluster.startServers(dir);
            return cluster;
        }
        catch (RuntimeException ex) {
            cluster.close();
            throw ex;
        }
    }

    private void startServers(Path dir) {
        List<MariaDbServer> all = new ArrayList<>(List.of(this.primary));
        all.addAll(this.replicas);
        try {
            for (MariaDbServer server : all) {
                Path log = dir.resolve(server.name() + ".log");
                if (!server.isInstalled()) {
                    server.install(this.credentials, log);
                }
                this.processes.add(server.processBuilder(log).start());
            }
            for (MariaDbServer server : all) {
                await(server, () -> this.setup.isReachable(server.port()), "accepting connections");
            }
            this.setup.preparePrimary(this.primary.port());
            for (MariaDbServer replica : this.replicas) {
                this.setup.followPrimary(replica.port(), this.primary.port());
            }
            for (MariaDbServer replica : this.replicas) {
                await(replica, () -> isReplicating(replica), "replicating");
            }
            awaitCaughtUp();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (SQLException ex) {
            throw new IllegalStateException("Could not set up replication", ex);
        }
    }

    /**
     * Waits until every running replica has applied everything the primary has written so far, with MariaDB's
     * {@code MASTER_GTID_WAIT}.
     */
    public void awaitCaughtUp() throws SQLException {
        String position;
        try (Connection connection = this.setup.adminConnection(this.primary.port());
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT @@gtid_binlog_pos")) {
            rows.next();
            position = rows.getString(1);
        }
        for (MariaDbServer replica : this.replicas) {
            try (Connection connection = this.setup.adminConnection(replica.port());
                    PreparedStatement wait = connection.prepareStatement("SELECT MASTER_GTID_WAIT(?, ?)")) {
                wait.setString(1, position);
                wait.setLong(2, START_TIMEOUT.toSeconds());
                try (ResultSet rows = wait.executeQuery()) {
                    rows.next();
                    if (rows.getInt(1) != 0) {
                        throw new IllegalStateException(replica.name() + " did not reach GTID " + position);
                    }
                }
            }
        }
    }

    private boolean isReplicating(MariaDbServer replica) {
        try {
            return this.setup.status(replica.port()).isReplicating();
        }
        catch (SQLException ex) {
            return false;
        }
    }

    private static void await(MariaDbServer server, BooleanSupplier check, String state) {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (!check.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(server.name() + " was not " + state + " within " + START_TIMEOUT);
            }
            try {
                Thread.sleep(50);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for " + server.name(), ex);
            }
        }
    }

    public MariaDbServer primary() {
        return this.primary;
    }

    public List<MariaDbServer> replicas() {
        return this.replicas;
    }

    public ReplicationSetup setup() {
        return this.setup;
    }

    public DatabaseCredentials credentials() {
        return this.credentials;
    }

    /** The application's JDBC URL of {@code server}. */
    public String applicationUrl(MariaDbServer server) {
        return server.jdbcUrl(this.credentials.database());
    }

    /** The running process of {@code server}, for tests that kill it. */
    public Process process(MariaDbServer server) {
        List<MariaDbServer> all = new ArrayList<>(List.of(this.primary));
        all.addAll(this.replicas);
        return this.processes.get(all.indexOf(server));
    }

    @Override
    public void close() {
        this.processes.forEach(Process::destroy);
        for (Process process : this.processes) {
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            }
            catch (InterruptedException ex) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

}
