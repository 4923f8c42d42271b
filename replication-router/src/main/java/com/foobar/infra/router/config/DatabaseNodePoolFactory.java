package com.foobar.infra.router.config;

import javax.sql.DataSource;

import com.foobar.infra.router.config.ReplicationRouterProperties.Node;
import com.foobar.infra.router.routing.ReadWriteRoutingDataSource;

/**
 * Creates the connection pool of one database node.
 *
 * <p>A bean of this type replaces the default HikariCP pools. Pools must hand out connections in auto-commit mode
 * with {@link ReadWriteRoutingDataSource#ISOLATION} isolation, read-only ones for replicas; the factory owns the
 * pools it creates and closes them if they need closing.
 */
@FunctionalInterface
public interface DatabaseNodePoolFactory {

    /**
     * Creates the pool of a node.
     * @param node the node
     * @param replica whether the node is a replica, whose connections are read-only
     * @return the node's pool
     */
    DataSource create(Node node, boolean replica);
}
