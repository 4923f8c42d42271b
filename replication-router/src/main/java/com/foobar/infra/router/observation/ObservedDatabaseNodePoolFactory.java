package com.foobar.infra.router.observation;

import javax.sql.DataSource;

import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import net.ttddyy.observation.tracing.DataSourceObservationListener;

import com.foobar.infra.router.config.DatabaseNodePoolFactory;
import com.foobar.infra.router.config.ReplicationRouterProperties.Node;

/**
 * A {@link DatabaseNodePoolFactory} decorator whose pools report each connection and query as a Micrometer
 * observation (datasource-micrometer), named after the database node.
 *
 * <p>It wraps the node pools, not the router: the router must stay the outermost {@code DataSource}, because a
 * proxy around it that touches the connection before the transaction has said it is read-only would send every read
 * to the primary. Down here the node is already chosen, and the span says which one served the query. Closing it
 * closes the decorated factory.
 */
public final class ObservedDatabaseNodePoolFactory implements DatabaseNodePoolFactory, AutoCloseable {

    private final DatabaseNodePoolFactory pools;

    private final DataSourceObservationListener listener;

    public ObservedDatabaseNodePoolFactory(DatabaseNodePoolFactory pools, DataSourceObservationListener listener) {
        this.pools = pools;
        this.listener = listener;
    }

    @Override
    public DataSource create(Node node, boolean replica) {
        return ProxyDataSourceBuilder.create(node.name(), this.pools.create(node, replica))
            .listener(this.listener)
            .methodListener(this.listener)
            .build();
    }

    @Override
    public void close() throws Exception {
        if (this.pools instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }

}
