package com.foobar.infra.router.routing;

import java.sql.Connection;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;

/**
 * A {@link LazyConnectionDataSourceProxy} that sends read-only transactions to the replicas in turn and everything
 * else to the primary.
 *
 * <p>The physical connection is chosen when the first statement runs, after the transaction manager has marked
 * the connection read-only, so this must stay the outermost DataSource: anything wrapping it that takes a
 * connection early sends every read to the primary. The node pools must hand out connections in auto-commit mode
 * with {@link #ISOLATION} isolation, the defaults this proxy reports before it fetches a connection; replica pools
 * must hand out read-only connections.
 */
public class ReadWriteRoutingDataSource extends LazyConnectionDataSourceProxy {

    /** The transaction isolation every node pool must use: InnoDB's default. */
    public static final int ISOLATION = Connection.TRANSACTION_REPEATABLE_READ;

    /**
     * Creates the router.
     * @param primary the primary's DataSource, for writes and for reads outside read-only transactions
     * @param replicas where read-only transactions get their connection
     */
    public ReadWriteRoutingDataSource(DataSource primary, RoundRobinReplicaDataSource replicas) {
        setTargetDataSource(primary);
        setReadOnlyDataSource(replicas);
        // Known defaults keep the proxy from fetching a primary connection just to learn them.
        setDefaultAutoCommit(true);
        setDefaultTransactionIsolation(ISOLATION);
        afterPropertiesSet();
    }
}
