package com.foobar.infra.web.infra;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The JSON document of {@code GET /infra/topology}: every node of the topology, in the configured order, with its
 * health and its recent traffic.
 *
 * @param generatedAt when the last poll of the nodes ended
 * @param refreshMillis how often the nodes are polled, and so how often a page may usefully ask again
 * @param rateWindowSeconds the window {@code rps} is counted over
 * @param latencyWindowSeconds the window {@code p99Millis} is computed over
 * @param nodes every node
 */
public record TopologyView(Instant generatedAt, long refreshMillis, double rateWindowSeconds,
        double latencyWindowSeconds, List<NodeView> nodes) {

    /**
     * One node.
     *
     * @param name its name ({@code app-2})
     * @param role {@code gateway}, {@code web}, {@code app}, {@code db-primary} or {@code db-replica}
     * @param health {@code up}, {@code down} or {@code unknown} (not polled yet, or nothing says)
     * @param rps requests per second it served (for a database: connections the application servers took from it,
     *     one per transaction); null while unknown
     * @param p99Millis the 99th percentile of its request latency, null while unknown or without requests
     * @param lagSeconds a replica's replication lag (the largest an application server reports), else null
     */
    public record NodeView(String name, String role, String health, @Nullable Double rps, @Nullable Double p99Millis,
            @Nullable Double lagSeconds) {
    }

}
