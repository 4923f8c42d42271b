package com.foobar.infra.router.health;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link ReplicaChecker} that reads {@code SHOW REPLICA STATUS} over a connection of its own to each replica,
 * outside the application's pools: a replica whose pool is exhausted can still be checked, and a check never
 * waits for a pooled connection. The connection is kept between checks and made again after a failure; connect
 * and socket timeouts of {@code timeout} bound a check against a replica that hangs.
 */
public final class JdbcReplicaChecker implements ReplicaChecker, AutoCloseable {

    private final String primaryUrl;

    private final Map<String, String> urls;

    private final Properties connectionProperties;

    private final Map<String, Connection> connections = new ConcurrentHashMap<>();

    /**
     * @param primaryUrl the primary's JDBC URL, to tell a primary outage from a replica cut off from a live primary
     * @param urls each replica's JDBC URL by name
     * @param connectionProperties user, password and driver properties for the connections
     * @param timeout the longest a check may take to connect, and to read an answer
     */
    public JdbcReplicaChecker(String primaryUrl, Map<String, String> urls, Properties connectionProperties,
            Duration timeout) {
        this.primaryUrl = primaryUrl;
        this.urls = Map.copyOf(urls);
        this.connectionProperties = new Properties();
        this.connectionProperties.putAll(connectionProperties);
        this.connectionProperties.setProperty("connectTimeout", String.valueOf(timeout.toMillis()));
        this.connectionProperties.setProperty("socketTimeout", String.valueOf(timeout.toMillis()));
    }

    /**
     * The replica's state; a replica that cannot reach the primary counts as serving the freshest data there is
     * only while this checker cannot reach the primary either.
     */
    @Override
    public ReplicaCheckResult check(String replicaName) {
        try {
            ReplicaCheckResult result = ReplicaStatusQuery.run(connection(replicaName));
            if (result.primaryUnreachable() && primaryAnswers()) {
                return new ReplicaCheckResult(true, false, null, "cannot reach the primary, which is up", false);
            }
            return result;
        }
        catch (SQLException ex) {
            discard(replicaName);
            return ReplicaCheckResult.unreachable(String.valueOf(ex.getMessage()));
        }
    }

    private boolean primaryAnswers() {
        try (Connection connection = DriverManager.getConnection(this.primaryUrl, this.connectionProperties)) {
            return true;
        }
        catch (SQLException ex) {
            return false;
        }
    }

    private Connection connection(String replicaName) throws SQLException {
        Connection connection = this.connections.get(replicaName);
        if (connection == null || connection.isClosed()) {
            connection = DriverManager.getConnection(this.urls.get(replicaName), this.connectionProperties);
            this.connections.put(replicaName, connection);
        }
        return connection;
    }

    private void discard(String replicaName) {
        Connection connection = this.connections.remove(replicaName);
        if (connection != null) {
            try {
                connection.close();
            }
            catch (SQLException ex) {
                // Already broken; nothing more to release.
            }
        }
    }

    @Override
    public void close() {
        this.urls.keySet().forEach(this::discard);
    }

}
