package com.foobar.infra.app.session;

import javax.sql.DataSource;

import com.foobar.infra.router.config.DatabaseNodePoolFactory;
import com.foobar.infra.router.config.ReplicationRouterProperties;
import com.foobar.infra.router.config.ReplicationRouterProperties.Node;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.session.jdbc.config.annotation.SpringSessionDataSource;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Where Spring Session JDBC keeps sessions: the primary, through a small pool of its own, beside the router.
 *
 * <p>The primary, because a session app-1 writes must be there when the user's next request reaches app-3 a
 * millisecond later; a replica may lag. A pool of its own rather than the router, for three reasons: the router's
 * node listeners would name the primary in {@code X-DB-Node} on every logged-in request (the header names the
 * node that served the request's posts and users); its read-your-writes capture would turn each session touch
 * into a GTID cookie that makes the user's next reads wait; and Spring Session's own transactions would run
 * through the JPA transaction manager. The pool is made by the router's pool factory from the primary's settings
 * under another name ({@code db-primary-sessions} in metrics), so nothing about the connection is repeated here.
 *
 * <p>Both beans are no default candidates: Spring Session asks for them by qualifier, and the router, which backs
 * off when the application has a DataSource of its own, and the JPA transaction manager do not see them.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SessionStoreConfiguration {

    /** Closed by the pool factory, which owns the pools it makes. */
    @Bean(defaultCandidate = false, destroyMethod = "")
    @SpringSessionDataSource
    DataSource sessionDataSource(DatabaseNodePoolFactory pools, ReplicationRouterProperties properties) {
        Node primary = properties.primary();
        return pools.create(new Node(primary.name() + "-sessions", primary.url(), primary.weight()), false);
    }

    /**
     * Spring Session's transactions, on the session pool; each its own, as Spring Session's default is, and READ
     * COMMITTED: under InnoDB's default REPEATABLE READ, its {@code INSERT ... SELECT} of attributes and its
     * expired-session {@code DELETE} take gap locks on the session indexes, so concurrent log-ins wait on (and
     * deadlock with) each other, a known Spring Session JDBC problem on MySQL.
     */
    @Bean(defaultCandidate = false)
    TransactionOperations springSessionTransactionOperations(@SpringSessionDataSource DataSource sessionDataSource) {
        TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(sessionDataSource));
        transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        transactions.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        return transactions;
    }
}
