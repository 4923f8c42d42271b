package com.foobar.infra.router.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import com.foobar.infra.router.config.ReplicationRouterProperties.Health;
import com.foobar.infra.router.config.ReplicationRouterProperties.Node;
import com.foobar.infra.router.consistency.GtidCapture;
import com.foobar.infra.router.consistency.GtidWaitListener;
import com.foobar.infra.router.consistency.ReadYourWritesBarrier;
import com.foobar.infra.router.consistency.ReadYourWritesContext;
import com.foobar.infra.router.health.JdbcReplicaChecker;
import com.foobar.infra.router.health.ReplicaChecker;
import com.foobar.infra.router.health.ReplicaEjectionListener;
import com.foobar.infra.router.health.ReplicaHealthMonitor;
import com.foobar.infra.router.retry.ReadOnlyTransactionPointcut;
import com.foobar.infra.router.retry.ReadOnlyTransactionRetryInterceptor;
import com.foobar.infra.router.routing.DatabaseNodeListener;
import com.foobar.infra.router.routing.NodeReportingDataSource;
import com.foobar.infra.router.routing.ReadWriteRoutingDataSource;
import com.foobar.infra.router.routing.ReplicaReadBarrier;
import com.foobar.infra.router.routing.ReplicaTarget;
import com.foobar.infra.router.routing.RoundRobinReplicaDataSource;

import org.springframework.aop.Advisor;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Role;
import org.springframework.core.Ordered;

/**
 * Auto-configuration of the application's {@link DataSource} as a {@link ReadWriteRoutingDataSource} over one pool
 * per node configured under {@code foobar.datasource}.
 *
 * <p>Runs before Spring Boot's own DataSource auto-configuration, which then backs off, and backs off itself when
 * the application defines its own DataSource. Each node's pool reports its connections to every
 * {@link DatabaseNodeListener} bean. Replicas are checked in the background by a {@link ReplicaHealthMonitor},
 * which decides which of them take reads and tells every {@link ReplicaEjectionListener} bean when one leaves the
 * rotation; the read-your-writes barrier tells every {@link GtidWaitListener} bean how its waits end. The cookie
 * that carries read-your-writes across requests, the health indicator and the metrics are configured after this,
 * by {@link ReadYourWritesWebAutoConfiguration}, {@link ReplicationHealthAutoConfiguration} and
 * {@link ReplicationRouterMetricsAutoConfiguration}.
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
    @ConditionalOnMissingBean(ReplicaChecker.class)
    JdbcReplicaChecker replicaChecker(ReplicationRouterProperties properties) {
        Map<String, String> urls = new LinkedHashMap<>();
        properties.replicas().forEach((replica) -> urls.put(replica.name(), replica.url()));
        Properties connection = new Properties();
        connection.putAll(properties.connectionProperties());
        connection.setProperty("user", properties.username());
        if (properties.password() != null) {
            connection.setProperty("password", properties.password());
        }
        return new JdbcReplicaChecker(properties.primary().url(), urls, connection, properties.health().timeout());
    }

    @Bean
    ReplicaHealthMonitor replicaHealthMonitor(ReplicationRouterProperties properties, ReplicaChecker checker,
            ObjectProvider<ReplicaEjectionListener> ejectionListeners) {
        Health health = properties.health();
        return new ReplicaHealthMonitor(replicaNames(properties), checker, health.interval(), health.maxLag(),
                health.rise(), health.fall(), ejectionListeners.orderedStream().toList());
    }

    @Bean
    ReadYourWritesContext readYourWritesContext() {
        return new ReadYourWritesContext();
    }

    /** Notes each tracked write's position, on the write's own connection; the router is resolved lazily. */
    @Bean
    @ConditionalOnBooleanProperty(name = "foobar.datasource.read-your-writes.enabled", matchIfMissing = true)
    GtidCapture gtidCapture(ReplicationRouterProperties properties, ReadYourWritesContext context,
            ObjectProvider<ReadWriteRoutingDataSource> router) {
        return new GtidCapture(properties.primary().name(), router::getObject,
                context);
    }

    @Bean
    ReadWriteRoutingDataSource dataSource(ReplicationRouterProperties properties, DatabaseNodePoolFactory pools,
            ObjectProvider<DatabaseNodeListener> listeners, ReplicaHealthMonitor monitor,
            ReadYourWritesContext context, ObjectProvider<GtidWaitListener> gtidWaitListeners) {
        List<DatabaseNodeListener> nodeListeners = listeners.orderedStream().toList();
        DataSource primary = reporting(properties.primary(), pools.create(properties.primary(), false),
                nodeListeners);
        // Replicas are reported by the rotation once its choice is final, not by their pools.
        List<ReplicaTarget> replicas = properties.replicas().stream()
                .map((replica) -> new ReplicaTarget(replica.name(), pools.create(replica, true), replica.weight()))
                .toList();
        ReplicaReadBarrier barrier = properties.readYourWrites().enabled()
                ? new ReadYourWritesBarrier(context, properties.readYourWrites().timeout(),
                        gtidWaitListeners.orderedStream().toList())
                : ReplicaReadBarrier.NONE;
        return new ReadWriteRoutingDataSource(primary,
                new RoundRobinReplicaDataSource(replicas, primary, monitor, properties.whenNoReplica(), barrier,
                        (node) -> nodeListeners.forEach((listener) -> listener.connectionObtained(node)),
                        // A random start, so application servers started together do not all read replica 1 first.
                        ThreadLocalRandom.current().nextInt(Integer.MAX_VALUE)));
    }

    /**
     * The interceptor that retries a read-only transaction once when its replica fails; it learns which node an
     * attempt used as a {@link DatabaseNodeListener}, and reports the node to the monitor lazily, so that creating
     * it (early, as advice is) creates nothing else.
     */
    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static ReadOnlyTransactionRetryInterceptor readOnlyTransactionRetryInterceptor(
            ObjectProvider<ReplicaHealthMonitor> monitor) {
        return new ReadOnlyTransactionRetryInterceptor(
                (node, reason) -> monitor.ifAvailable((replicas) -> replicas.markDown(node, reason)));
    }

    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    @ConditionalOnBooleanProperty(name = "foobar.datasource.retry-read-only", matchIfMissing = true)
    static Advisor readOnlyTransactionRetryAdvisor(ReadOnlyTransactionRetryInterceptor interceptor) {
        DefaultPointcutAdvisor advisor = new DefaultPointcutAdvisor(new ReadOnlyTransactionPointcut(), interceptor);
        // Outside the transaction interceptor, so that the retry is a new transaction.
        advisor.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return advisor;
    }

    private static List<String> replicaNames(ReplicationRouterProperties properties) {
        return properties.replicas().stream().map(Node::name).toList();
    }

    private static DataSource reporting(Node node, DataSource pool, List<DatabaseNodeListener> listeners) {
        return new NodeReportingDataSource(node.name(), pool, listeners);
    }
}
