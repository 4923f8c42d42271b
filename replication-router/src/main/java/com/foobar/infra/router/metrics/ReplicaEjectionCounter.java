package com.foobar.infra.router.metrics;

import java.util.List;
import java.util.Locale;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import com.foobar.infra.router.health.ReplicaEjectionListener;

/**
 * A {@link ReplicaEjectionListener} that counts each time a replica leaves the read rotation, as
 * {@code foobar.router.replica.ejections} tagged with the replica's name and the cause, {@code check} or
 * {@code query}.
 *
 * <p>The counters of the replicas it is created with are registered at once, at zero, so that the first ejection
 * shows as an increase.
 */
public final class ReplicaEjectionCounter implements ReplicaEjectionListener {

    private final MeterRegistry registry;

    /**
     * Creates the counter and registers the counters of the given replicas.
     * @param registry where the counters are registered
     * @param replicaNames the replicas' node names
     */
    public ReplicaEjectionCounter(MeterRegistry registry, List<String> replicaNames) {
        this.registry = registry;
        for (String replicaName : replicaNames) {
            for (Cause cause : Cause.values()) {
                counter(replicaName, cause);
            }
        }
    }

    @Override
    public void replicaEjected(String replicaName, Cause cause) {
        counter(replicaName, cause).increment();
    }

    // Ejections are rare, so the registry's own lookup of an existing counter is cheap enough.
    private Counter counter(String replicaName, Cause cause) {
        return Counter.builder("foobar.router.replica.ejections")
            .description("Times a replica left the read rotation")
            .tag("node", replicaName)
            .tag("cause", cause.name().toLowerCase(Locale.ROOT))
            .register(this.registry);
    }

}
