package com.foobar.infra.router.consistency;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;

/**
 * How a server family reads its GTID position and waits for one: MariaDB's {@code @@gtid_binlog_pos} and
 * {@code MASTER_GTID_WAIT}, MySQL's {@code @@GLOBAL.gtid_executed} and {@code WAIT_FOR_EXECUTED_GTID_SET}.
 */
public enum GtidDialect {

    MARIADB("SELECT @@gtid_binlog_pos", "SELECT MASTER_GTID_WAIT(?, ?)"),

    MYSQL("SELECT @@GLOBAL.gtid_executed", "SELECT WAIT_FOR_EXECUTED_GTID_SET(?, ?)");

    private final String positionQuery;

    private final String waitQuery;

    GtidDialect(String positionQuery, String waitQuery) {
        this.positionQuery = positionQuery;
        this.waitQuery = waitQuery;
    }

    /** The dialect of the server {@code connection} is open to. */
    public static GtidDialect of(Connection connection) throws SQLException {
        String version = connection.getMetaData().getDatabaseProductVersion().toLowerCase(Locale.ROOT);
        return version.contains("mariadb") ? MARIADB : MYSQL;
    }

    /** Everything the server has written to its binlog so far, as one position. */
    public String currentPosition(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(this.positionQuery)) {
            rows.next();
            return rows.getString(1).replace("\n", "");
        }
    }

    /**
     * Waits until the server has applied {@code position}, at most {@code timeout}; true when it has. Both
     * functions answer 0 when the position was reached.
     */
    public boolean awaitPosition(Connection connection, GtidPosition position, Duration timeout) throws SQLException {
        try (PreparedStatement wait = connection.prepareStatement(this.waitQuery)) {
            wait.setString(1, position.value());
            wait.setDouble(2, timeout.toMillis() / 1000.0);
            try (ResultSet rows = wait.executeQuery()) {
                return rows.next() && rows.getInt(1) == 0 && !rows.wasNull();
            }
        }
    }

}
