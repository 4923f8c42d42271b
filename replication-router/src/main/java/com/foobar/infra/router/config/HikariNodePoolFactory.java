package com.foobar.infra.router.config;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.zaxxer.hikari.HikariDataSource;

import com.foobar.infra.router.config.ReplicationRouterProperties.Node;
import com.foobar.infra.router.config.ReplicationRouterProperties.Pool;
import com.foobar.infra.router.routing.ReadWriteRoutingDataSource;

/**
 * A {@link DatabaseNodePoolFactory} that gives each node a HikariCP pool named after the node.
 *
 * <p>Pools start on first use and never fail start-up: a node that is down makes its callers fail after the
 * connection timeout instead. Closing the factory closes every pool it created.
 */
class HikariNodePoolFactory implements DatabaseNodePoolFactory, AutoCloseable {

    private final ReplicationRouterProperties properties;

    private final List<HikariDataSource> pools = new CopyOnWriteArrayList<>();

    HikariNodePoolFactory(ReplicationRouterProperties properties) {
        this.properties = properties;
    }

    @Override
    public HikariDataSource create(Node node, boolean replica) {
        Pool settings = this.properties.pool();
        HikariDataSource pool = new HikariDataSource();
        pool.setPoolName(node.name());
        pool.setJdbcUrl(node.url());
        pool.setUsername(this.properties.username());
        pool.setPassword(this.properties.password());
        pool.setMaximumPoolSize(settings.maximumPoolSize());
        pool.setConnectionTimeout(
                (replica ? settings.replicaConnectionTimeout() : settings.connectionTimeout()).toMillis());
        pool.setInitializationFailTimeout(-1);
        pool.setAutoCommit(true);
        pool.setTransactionIsolation(String.valueOf(ReadWriteRoutingDataSource.ISOLATION));
        pool.setReadOnly(replica);
        this.properties.connectionProperties().forEach(pool::addDataSourceProperty);
        this.pools.add(pool);
        return pool;
    }

    @Override
    public void close() {
        this.pools.forEach(HikariDataSource::close);
    }
}
