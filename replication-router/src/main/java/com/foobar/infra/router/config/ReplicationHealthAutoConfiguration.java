package com.foobar.infra.router.config;

import com.foobar.infra.router.health.ReplicaHealthMonitor;
import com.foobar.infra.router.health.ReplicationHealthIndicator;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of each replica's state on the actuator's health endpoint, as a
 * {@link ReplicationHealthIndicator} over the router's {@link ReplicaHealthMonitor}.
 *
 * <p>Applies only where {@link ReplicationRouterAutoConfiguration} did and Spring Boot's health classes are
 * present; an application's own bean named {@code replicationHealthIndicator} takes the indicator's place.
 */
@AutoConfiguration(after = ReplicationRouterAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
// Not there when the router backed off for an application's own DataSource.
@ConditionalOnBean(ReplicaHealthMonitor.class)
public final class ReplicationHealthAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "replicationHealthIndicator")
    ReplicationHealthIndicator replicationHealthIndicator(ReplicaHealthMonitor monitor) {
        return new ReplicationHealthIndicator(monitor);
    }

}
