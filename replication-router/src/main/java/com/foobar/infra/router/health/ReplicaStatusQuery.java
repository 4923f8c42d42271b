package com.foobar.infra.router.health;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;

/**
 * Reads a replica's replication state with {@code SHOW REPLICA STATUS}, which MariaDB (10.5 and later) and MySQL
 * (8.0.22 and later) both accept; MariaDB names the columns {@code Slave_*} and {@code Seconds_Behind_Master},
 * MySQL {@code Replica_*} and {@code Seconds_Behind_Source}, so both spellings are read.
 */
final class ReplicaStatusQuery {

    private ReplicaStatusQuery() {
    }

    static ReplicaCheckResult run(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SHOW REPLICA STATUS")) {
            if (!rows.next()) {
                return new ReplicaCheckResult(true, false, null, "not configured as a replica");
            }
            Set<String> columns = columns(rows.getMetaData());
            String io = rows.getString(pick(columns, "Replica_IO_Running", "Slave_IO_Running"));
            boolean sql = "Yes".equals(rows.getString(pick(columns, "Replica_SQL_Running", "Slave_SQL_Running")));
            long lag = rows.getLong(pick(columns, "Seconds_Behind_Source", "Seconds_Behind_Master"));
            Long lagSeconds = rows.wasNull() ? null : lag;
            String error = (rows.getString("Last_IO_Error") + " " + rows.getString("Last_SQL_Error")).trim();
            // "Connecting": the I/O thread runs but cannot reach the primary; "No" means it was stopped or failed.
            return new ReplicaCheckResult(true, "Yes".equals(io) && sql, lagSeconds, error,
                    "Connecting".equals(io) && sql);
        }
    }

    private static Set<String> columns(ResultSetMetaData metaData) throws SQLException {
        String[] names = new String[metaData.getColumnCount()];
        for (int i = 0; i < names.length; i++) {
            names[i] = metaData.getColumnLabel(i + 1);
        }
        return Set.of(names);
    }

    private static String pick(Set<String> columns, String mysql, String mariadb) {
        return columns.contains(mysql) ? mysql : mariadb;
    }

}
