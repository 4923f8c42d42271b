package com.foobar.infra.balancing.balancer;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.foobar.infra.balancing.pool.Backend;

/**
 * A {@link LoadBalancer} that chooses the candidate with the fewest requests in flight through this node,
 * relative to its weight; ties go round robin, so an idle group is still spread evenly.
 *
 * <p>A slow backend holds its requests longer, so it gets fewer new ones: the algorithm for uneven request costs.
 * Each node counts only its own requests, as each HAProxy process does.
 */
public class LeastConnectionsLoadBalancer implements LoadBalancer {

    private final AtomicInteger start = new AtomicInteger();

    @Override
    public Backend choose(List<Backend> candidates, String clientAddress) {
        int size = candidates.size();
        int offset = (this.start.getAndIncrement() & Integer.MAX_VALUE) % size;
        Backend best = candidates.get(offset);
        for (int i = 1; i < size; i++) {
            Backend candidate = candidates.get((offset + i) % size);
            // a/wa < b/wb without division: a*wb < b*wa.
            if ((long) candidate.inFlight() * best.weight() < (long) best.inFlight() * candidate.weight()) {
                best = candidate;
            }
        }
        return best;
    }
}
