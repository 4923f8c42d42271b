package com.foobar.infra.balancing.balancer;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.foobar.infra.balancing.pool.Backend;

/**
 * A {@link LoadBalancer} that takes the candidates in turn, ignoring weights.
 *
 * <p>With every backend in rotation that is strict rotation over the group; when one is out, its turns go to the
 * others.
 */
public class RoundRobinLoadBalancer implements LoadBalancer {

    private final AtomicInteger position = new AtomicInteger();

    @Override
    public Backend choose(List<Backend> candidates, String clientAddress) {
        // Clearing the sign bit keeps the index valid after the counter wraps.
        int next = this.position.getAndIncrement() & Integer.MAX_VALUE;
        return candidates.get(next % candidates.size());
    }
}
