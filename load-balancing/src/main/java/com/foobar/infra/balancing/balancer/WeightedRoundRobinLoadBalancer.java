package com.foobar.infra.balancing.balancer;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import com.foobar.infra.balancing.pool.Backend;

/**
 * A {@link LoadBalancer} that gives each candidate a share of requests proportional to its weight, spread out
 * rather than in bursts: nginx's smooth weighted round robin (weights 5, 1, 1 give a a b a c a a, not a a a a a b c).
 *
 * <p>Each pick adds every candidate's weight to its running score, takes the highest score and lowers it by the sum
 * of the weights. The scores are shared state, so a pick holds this balancer's lock for a few additions.
 */
public class WeightedRoundRobinLoadBalancer implements LoadBalancer {

    private final Map<Backend, Integer> scores = new IdentityHashMap<>();

    @Override
    public synchronized Backend choose(List<Backend> candidates, String clientAddress) {
        Backend best = candidates.getFirst();
        int bestScore = Integer.MIN_VALUE;
        int total = 0;
        for (Backend candidate : candidates) {
            int score = this.scores.getOrDefault(candidate, 0) + candidate.weight();
            this.scores.put(candidate, score);
            total += candidate.weight();
            if (score > bestScore) {
                best = candidate;
                bestScore = score;
            }
        }
        this.scores.put(best, bestScore - total);
        return best;
    }
}
