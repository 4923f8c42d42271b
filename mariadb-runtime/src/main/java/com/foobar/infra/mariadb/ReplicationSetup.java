package com.foobar.infra.mariadb;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Sets up GTID replication between servers of ours over JDBC, as their administrator.
 *
 * <p>Every step is idempotent, so it runs on each start: accounts and the database are created if missing,
 * and a replica is pointed at the primary again, resuming from its own GTID position ({@code slave_pos}).
 */
public final class ReplicationSetup {

    private final DatabaseCredentials credentials;

    public ReplicationSetup(DatabaseCredentials credentials) {
        this.credentials = credentials;
    }

    /**
     * Creates the application database and accounts on the primary. They are written to the binlog, so the
     * replicas get them by replication like any other change.
     */
    public void preparePrimary(int primaryPort) throws SQLException {
        DatabaseCredentials c = this.credentials;
        try (Connection connection = adminConnection(primaryPort); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE IF NOT EXISTS " + c.database()
                    + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            statement.execute("CREATE USER IF NOT EXISTS '" + c.appUser() + "'@'127.0.0.1' IDENTIFIED BY '"
                    + c.appPassword() + "'");
            statement.execute("GRANT ALL PRIVILEGES ON " + c.database() + ".* TO '" + c.appUser() + "'@'127.0.0.1'");
            // The application watches replication itself (lag, GTID waits), which needs these two.
            statement.execute("GRANT SLAVE MONITOR, BINLOG MONITOR ON *.* TO '" + c.appUser() + "'@'127.0.0.1'");
            statement.execute("CREATE USER IF NOT EXISTS '" + c.replicationUser() + "'@'127.0.0.1' IDENTIFIED BY '"
                    + c.replicationPassword() + "'");
            statement.execute("GRANT REPLICATION SLAVE ON *.* TO '" + c.replicationUser() + "'@'127.0.0.1'");
        }
    }

    /** Points the replica on {@code replicaPort} at the primary and starts both replication threads. */
    public void followPrimary(int replicaPort, int primaryPort) throws SQLException {
        DatabaseCredentials c = this.credentials;
        try (Connection connection = adminConnection(replicaPort); Statement statement = connection.createStatement()) {
            statement.execute("STOP SLAVE");
            statement.execute("CHANGE MASTER TO MASTER_HOST='127.0.0.1', MASTER_PORT=" + primaryPort
                    + ", MASTER_USER='" + c.replicationUser() + "', MASTER_PASSWORD='" + c.replicationPassword()
                    + "', MASTER_USE_GTID=slave_pos, MASTER_CONNECT_RETRY=1, MASTER_SSL=0");
            statement.execute("START SLAVE");
        }
    }

    /** The replica's replication state, or a stopped state when it has never been pointed at a primary. */
    public ReplicaStatus status(int replicaPort) throws SQLException {
        try (Connection connection = adminConnection(replicaPort);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SHOW SLAVE STATUS")) {
            if (!rows.next()) {
                return new ReplicaStatus(false, false, null, "", "replication is not configured");
            }
            long lag = rows.getLong("Seconds_Behind_Master");
            Long secondsBehind = rows.wasNull() ? null : lag;
            String error = rows.getString("Last_IO_Error") + rows.getString("Last_SQL_Error");
            boolean io = "Yes".equals(rows.getString("Slave_IO_Running"));
            boolean sql = "Yes".equals(rows.getString("Slave_SQL_Running"));
            return new ReplicaStatus(io, sql, secondsBehind, gtidSlavePosition(statement), error);
        }
    }

    private static String gtidSlavePosition(Statement statement) throws SQLException {
        try (ResultSet rows = statement.executeQuery("SELECT @@gtid_slave_pos")) {
            rows.next();
            return rows.getString(1);
        }
    }

    /** Whether the server on {@code port} accepts the administrator's connections. */
    public boolean isReachable(int port) {
        try (Connection connection = adminConnection(port)) {
            return connection.isValid(2);
        }
        catch (SQLException ex) {
            return false;
        }
    }

    /** A connection as the server's local administrator; the caller closes it. */
    public Connection adminConnection(int port) throws SQLException {
        return DriverManager.getConnection(MariaDbServer.jdbcUrl(port, ""), this.credentials.adminUser(),
                this.credentials.adminPassword());
    }

}
