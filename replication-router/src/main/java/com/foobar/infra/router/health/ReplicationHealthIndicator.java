package com.foobar.infra.router.health;

import java.util.Map;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * A health indicator that shows each replica's state in the read rotation and the reason for it.
 *
 * <p>It reports UP while any replica is eligible and UNKNOWN when none is: reads then go to the primary (or fail,
 * as configured), which the application survives, so this must not take an instance out of service.
 */
public class ReplicationHealthIndicator extends AbstractHealthIndicator {

    private final ReplicaHealthMonitor monitor;

    public ReplicationHealthIndicator(ReplicaHealthMonitor monitor) {
        super("Replication health check failed");
        this.monitor = monitor;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Map<String, String> replicas = this.monitor.describe();
        boolean anyUp = replicas.keySet().stream().anyMatch(this.monitor::isEligible);
        (anyUp || replicas.isEmpty() ? builder.up() : builder.unknown()).withDetails(Map.copyOf(replicas));
    }

}
