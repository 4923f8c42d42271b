package com.foobar.infra.router.metrics;

import java.util.List;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import com.foobar.infra.router.health.ReplicaCheckResult;
import com.foobar.infra.router.health.ReplicaHealthMonitor;

/**
 * Gauges of each replica's state as the {@link ReplicaHealthMonitor} last saw it, tagged with the replica's name:
 * {@code foobar.router.replica.lag}, the lag it last reported in seconds, and {@code foobar.router.replica.eligible},
 * 1 while it is in the read rotation and 0 while it is out.
 *
 * <p>Creating one registers the gauges; they read the monitor whenever the registry asks. The lag is NaN while it
 * is unknown: before the first check, and while the replica is unreachable or its replication stopped.
 */
public final class ReplicaHealthGauges {

    /**
     * Registers the gauges of the given replicas.
     * @param registry where the gauges are registered
     * @param monitor the monitor they read; the registry holds it only weakly, as Micrometer gauges do
     * @param replicaNames the replicas' node names
     */
    public ReplicaHealthGauges(MeterRegistry registry, ReplicaHealthMonitor monitor, List<String> replicaNames) {
        for (String replicaName : replicaNames) {
            Gauge.builder("foobar.router.replica.lag", monitor, (replicas) -> lagSeconds(replicas, replicaName))
                .description("Replication lag a replica last reported")
                .baseUnit("seconds")
                .tag("node", replicaName)
                .register(registry);
            Gauge.builder("foobar.router.replica.eligible", monitor,
                    (replicas) -> replicas.isEligible(replicaName) ? 1 : 0)
                .description("Whether a replica is in the read rotation (1) or out of it (0)")
                .tag("node", replicaName)
                .register(registry);
        }
    }

    private static double lagSeconds(ReplicaHealthMonitor monitor, String replicaName) {
        Long lag = monitor.lastResult(replicaName).map(ReplicaCheckResult::lagSeconds).orElse(null);
        return lag != null ? lag : Double.NaN;
    }

}
