package com.foobar.infra.router.metrics;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import com.foobar.infra.router.routing.DatabaseNodeListener;

/**
 * A {@link DatabaseNodeListener} that counts the connections each node hands out, as
 * {@code foobar.router.connections} tagged with the node's name and its role, {@code primary} or {@code replica}.
 *
 * <p>The counters of the nodes it is created with are registered at once, at zero, so that they exist before the
 * first connection; any node other than the primary counts as a replica.
 */
public final class NodeConnectionCounter implements DatabaseNodeListener {

    private final MeterRegistry registry;

    private final String primaryName;

    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    /**
     * Creates the counter and registers the counters of the given nodes.
     * @param registry where the counters are registered
     * @param primaryName the primary's node name
     * @param replicaNames the replicas' node names
     */
    public NodeConnectionCounter(MeterRegistry registry, String primaryName, List<String> replicaNames) {
        this.registry = registry;
        this.primaryName = primaryName;
        counter(primaryName);
        replicaNames.forEach(this::counter);
    }

    @Override
    public void connectionObtained(String nodeName) {
        counter(nodeName).increment();
    }

    private Counter counter(String nodeName) {
        return this.counters.computeIfAbsent(nodeName, (name) -> Counter.builder("foobar.router.connections")
            .description("Connections handed out by a database node")
            .tag("node", name)
            .tag("role", name.equals(this.primaryName) ? "primary" : "replica")
            .register(this.registry));
    }

}
