package com.foobar.infra.router.routing;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.AbstractDataSource;

/**
 * A {@link DataSource} that takes each connection from the next replica in turn.
 *
 * <p>With no replica it takes every connection from the fallback (the primary), so a topology without replicas
 * still serves reads. It neither retries nor skips a replica that is down: the failure reaches the caller.
 */
public class RoundRobinReplicaDataSource extends AbstractDataSource {

    private final List<DataSource> replicas;

    private final DataSource fallback;

    private final AtomicInteger position;

    /**
     * Creates a round robin over the replicas, starting with the first.
     * @param replicas the replicas' DataSources, in the order they are used
     * @param fallback the DataSource used when there is no replica
     */
    public RoundRobinReplicaDataSource(List<DataSource> replicas, DataSource fallback) {
        this(replicas, fallback, 0);
    }

    /**
     * Creates a round robin over the replicas, starting at a given position.
     * @param replicas the replicas' DataSources, in the order they are used
     * @param fallback the DataSource used when there is no replica
     * @param startPosition the position of the first pick; any int, taken modulo the number of replicas
     */
    public RoundRobinReplicaDataSource(List<DataSource> replicas, DataSource fallback, int startPosition) {
        this.replicas = List.copyOf(replicas);
        this.fallback = fallback;
        this.position = new AtomicInteger(startPosition);
    }

    /**
     * Returns the DataSource the next connection comes from, and advances the turn.
     * @return the next replica, or the fallback when there is none
     */
    public DataSource next() {
        if (this.replicas.isEmpty()) {
            return this.fallback;
        }
        // Clear the sign bit: the counter wraps to negative after Integer.MAX_VALUE picks.
        int index = (this.position.getAndIncrement() & Integer.MAX_VALUE) % this.replicas.size();
        return this.replicas.get(index);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return next().getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return next().getConnection(username, password);
    }
}
