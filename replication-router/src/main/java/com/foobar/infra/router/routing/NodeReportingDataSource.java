package com.foobar.infra.router.routing;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * A {@link DelegatingDataSource} over the pool of one named database node that reports each connection it hands out.
 *
 * <p>Every {@link DatabaseNodeListener} is told the node's name after a connection was obtained, never before and
 * never for a failed attempt.
 */
public class NodeReportingDataSource extends DelegatingDataSource {

    private final String nodeName;

    private final List<DatabaseNodeListener> listeners;

    /**
     * Creates a reporting view of a node's pool.
     * @param nodeName the node's name, passed to the listeners
     * @param pool the node's connection pool
     * @param listeners the listeners to tell, in order
     */
    public NodeReportingDataSource(String nodeName, DataSource pool, List<DatabaseNodeListener> listeners) {
        super(pool);
        this.nodeName = nodeName;
        this.listeners = List.copyOf(listeners);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return reported(super.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return reported(super.getConnection(username, password));
    }

    private Connection reported(Connection connection) {
        for (DatabaseNodeListener listener : this.listeners) {
            listener.connectionObtained(this.nodeName);
        }
        return connection;
    }

    @Override
    public String toString() {
        return "NodeReportingDataSource[" + this.nodeName + "]";
    }
}
