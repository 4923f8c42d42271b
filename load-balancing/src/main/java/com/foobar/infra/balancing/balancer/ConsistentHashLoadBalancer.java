package com.foobar.infra.balancing.balancer;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import com.foobar.infra.balancing.pool.Backend;

/**
 * A {@link LoadBalancer} that sends a client address to the same backend every time, on a hash ring: each backend
 * owns {@value #POINTS_PER_WEIGHT} points per unit of weight, and a client goes to the owner of the first point at
 * or after its own hash.
 *
 * <p>Adding a backend to a group of N moves only the clients whose points it takes, about 1/(N+1) of them; a
 * backend out of rotation hands its clients to the next owners on the ring and gets them back when it returns (the
 * ring is built from the whole group, not from the candidates). HAProxy's {@code hash-type consistent}.
 */
public class ConsistentHashLoadBalancer implements LoadBalancer {

    static final int POINTS_PER_WEIGHT = 160;

    private final long[] points;

    private final Backend[] owners;

    public ConsistentHashLoadBalancer(List<Backend> backends) {
        int total = backends.stream().mapToInt(Backend::weight).sum() * POINTS_PER_WEIGHT;
        long[][] ring = new long[total][];
        int next = 0;
        for (int b = 0; b < backends.size(); b++) {
            Backend backend = backends.get(b);
            for (int p = 0; p < backend.weight() * POINTS_PER_WEIGHT; p++) {
                ring[next++] = new long[] { hash(backend.name() + "#" + p), b };
            }
        }
        Arrays.sort(ring, (x, y) -> Long.compare(x[0], y[0]));
        this.points = new long[total];
        this.owners = new Backend[total];
        for (int i = 0; i < total; i++) {
            this.points[i] = ring[i][0];
            this.owners[i] = backends.get((int) ring[i][1]);
        }
    }

    @Override
    public Backend choose(List<Backend> candidates, String clientAddress) {
        int index = Arrays.binarySearch(this.points, hash(clientAddress));
        int start = (index >= 0) ? index : -index - 1;
        for (int i = 0; i < this.points.length; i++) {
            Backend owner = this.owners[(start + i) % this.points.length];
            if (candidates.contains(owner)) {
                return owner;
            }
        }
        // Only a backend added since the ring was built can get here; the group rebuilds its ring on reload.
        return candidates.getFirst();
    }

    // FNV-1a, then SplitMix64's finaliser to spread nearby inputs (addresses differ in a byte or two) over the ring.
    static long hash(String value) {
        long h = 0xcbf29ce484222325L;
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xff)) * 0x100000001b3L;
        }
        h = (h ^ (h >>> 30)) * 0xbf58476d1ce4e5b9L;
        h = (h ^ (h >>> 27)) * 0x94d049bb133111ebL;
        return h ^ (h >>> 31);
    }
}
