package com.foobar.infra.balancing.balancer;

import java.util.List;

import com.foobar.infra.balancing.pool.Backend;

/**
 * The algorithms a backend group can balance with, named as in configuration ({@code round-robin}, ...).
 */
public enum BalancingAlgorithm {

    /** Each backend in turn, whatever its weight: HAProxy's {@code balance roundrobin} with equal weights. */
    ROUND_ROBIN,

    /** Each backend in proportion to its weight, interleaved smoothly. */
    WEIGHTED_ROUND_ROBIN,

    /** The backend with the fewest requests in flight: HAProxy's {@code balance leastconn}. */
    LEAST_CONNECTIONS,

    /** The same backend for the same client address while it is up: HAProxy's {@code balance source}. */
    SOURCE_HASH;

    /**
     * Makes a load balancer of this algorithm for a group's backends.
     *
     * @param backends every backend of the group, in configuration order
     * @return a new load balancer
     */
    public LoadBalancer create(List<Backend> backends) {
        return switch (this) {
            case ROUND_ROBIN -> new RoundRobinLoadBalancer();
            case WEIGHTED_ROUND_ROBIN -> new WeightedRoundRobinLoadBalancer();
            case LEAST_CONNECTIONS -> new LeastConnectionsLoadBalancer();
            case SOURCE_HASH -> new ConsistentHashLoadBalancer(backends);
        };
    }
}
