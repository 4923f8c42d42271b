package com.foobar.infra.router.config;

import java.util.List;

import javax.sql.DataSource;

import com.foobar.infra.router.config.ReplicationRouterProperties.Node;
import com.foobar.infra.router.routing.DatabaseNodeListener;
import com.foobar.infra.router.routing.NodeReportingDataSource;
import com.foobar.infra.router.routing.ReadWriteRoutingDataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the application's {@link DataSource} as a {@link ReadWriteRoutingDataSource} over one pool
 * per node configured under {@code foobar.datasource}.
 *
 * <p>Runs before Spring Boot's own DataSource auto-configuration, which then backs off, and backs off itself when
 * the application defines its own DataSource. Each node's pool reports its connections to every
 * {@link DatabaseNodeListener} bean.
 */
@AutoConfiguration(before = DataSourceAutoConfiguration.class)
@ConditionalOnMissingBean(DataSource.class)
@EnableConfigurationProperties(ReplicationRouterProperties.class)
public final class ReplicationRouterAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(DatabaseNodePoolFactory.class)
    DatabaseNodePoolFactory hikariNodePoolFactory(ReplicationRouterProperties properties) {
        return new HikariNodePoolFactory(properties);
    }

    @Bean
    ReadWriteRoutingDataSource dataSource(ReplicationRouterProperties properties, DatabaseNodePoolFactory pools,
            ObjectProvider<DatabaseNodeListener> listeners) {
        List<DatabaseNodeListener> nodeListeners = listeners.orderedStream().toList();
        DataSource primary = reporting(properties.primary(), pools.create(properties.primary(), false),
                nodeListeners);
        List<DataSource> replicas = properties.replicas().stream()
                .map((replica) -> reporting(replica, pools.create(replica, true), nodeListeners))
                .toList();
        return new ReadWriteRoutingDataSource(primary, replicas);
    }

    private static DataSource reporting(Node node, DataSource pool, List<DatabaseNodeListener> listeners) {
        return new NodeReportingDataSource(node.name(), pool, listeners);
    }
}
