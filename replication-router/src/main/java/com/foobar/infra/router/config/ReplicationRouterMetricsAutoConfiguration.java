package com.foobar.infra.router.config;

import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;

import com.foobar.infra.router.config.ReplicationRouterProperties.Node;
import com.foobar.infra.router.consistency.GtidWaitListener;
import com.foobar.infra.router.health.ReplicaEjectionListener;
import com.foobar.infra.router.health.ReplicaHealthMonitor;
import com.foobar.infra.router.metrics.GtidWaitCounter;
import com.foobar.infra.router.metrics.NodeConnectionCounter;
import com.foobar.infra.router.metrics.ReplicaEjectionCounter;
import com.foobar.infra.router.metrics.ReplicaHealthGauges;
import com.foobar.infra.router.routing.DatabaseNodeListener;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the router's Micrometer metrics: connections per node, each replica's lag and
 * eligibility, ejections from the read rotation, and read-your-writes waits.
 *
 * <p>Applies only where {@link ReplicationRouterAutoConfiguration} did and the application has a
 * {@link MeterRegistry} bean. The meters are {@link DatabaseNodeListener}, {@link ReplicaEjectionListener} and
 * {@link GtidWaitListener} beans, which the router's beans pick up by type.
 */
// After the meter registry's auto-configuration, so that the bean condition finds the registry it defines.
@AutoConfiguration(after = ReplicationRouterAutoConfiguration.class,
        afterName = "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration")
@ConditionalOnClass(MeterRegistry.class)
// The monitor is not there when the router backed off for an application's own DataSource.
@ConditionalOnBean({ MeterRegistry.class, ReplicaHealthMonitor.class })
public final class ReplicationRouterMetricsAutoConfiguration {

    @Bean
    NodeConnectionCounter nodeConnectionCounter(MeterRegistry registry, ReplicationRouterProperties properties) {
        return new NodeConnectionCounter(registry, properties.primary().name(), replicaNames(properties));
    }

    @Bean
    ReplicaEjectionCounter replicaEjectionCounter(MeterRegistry registry, ReplicationRouterProperties properties) {
        return new ReplicaEjectionCounter(registry, replicaNames(properties));
    }

    @Bean
    ReplicaHealthGauges replicaHealthGauges(MeterRegistry registry, ReplicaHealthMonitor monitor,
            ReplicationRouterProperties properties) {
        return new ReplicaHealthGauges(registry, monitor, replicaNames(properties));
    }

    @Bean
    @ConditionalOnBooleanProperty(name = "foobar.datasource.read-your-writes.enabled", matchIfMissing = true)
    GtidWaitCounter gtidWaitCounter(MeterRegistry registry) {
        return new GtidWaitCounter(registry);
    }

    private static List<String> replicaNames(ReplicationRouterProperties properties) {
        return properties.replicas().stream().map(Node::name).toList();
    }

}
