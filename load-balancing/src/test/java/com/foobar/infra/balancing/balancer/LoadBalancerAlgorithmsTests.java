package com.foobar.infra.balancing.balancer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.foobar.infra.balancing.pool.Backend;
import org.junit.jupiter.api.Test;

import static com.foobar.infra.balancing.pool.TestBackends.backend;
import static com.foobar.infra.balancing.pool.TestBackends.backends;
import static org.assertj.core.api.Assertions.assertThat;

class LoadBalancerAlgorithmsTests {

    @Test
    void shouldTakeCandidatesInTurnWithRoundRobin() {
        List<Backend> group = backends(1, 1, 3);

        assertThat(names(new RoundRobinLoadBalancer(), group, 6)).containsExactly("web-1", "web-2", "web-3", "web-1",
                "web-2", "web-3");
    }

    @Test
    void shouldInterleaveWeightsSmoothly() {
        List<Backend> group = backends(5, 1, 1);

        assertThat(names(new WeightedRoundRobinLoadBalancer(), group, 7)).containsExactly("web-1", "web-1", "web-2",
                "web-1", "web-3", "web-1", "web-1");
    }

    @Test
    void shouldPreferFewestRequestsInFlightRelativeToWeight() {
        List<Backend> group = backends(1, 2, 1);
        group.get(0).started();
        group.get(1).started();
        group.get(1).started();
        group.get(2).started();
        group.get(2).started();

        // In flight per weight: 1, 1, 2; ties between web-1 and web-2 go in turn.
        assertThat(names(new LeastConnectionsLoadBalancer(), group, 2)).containsExactlyInAnyOrder("web-1", "web-2");
    }

    @Test
    void shouldKeepClientOnOneBackendAndMoveAboutOneQuarterWhenAFourthJoins() {
        List<Backend> three = backends(1, 1, 1);
        List<Backend> four = new ArrayList<>(three);
        four.add(backend("web-4", 1));
        ConsistentHashLoadBalancer before = new ConsistentHashLoadBalancer(three);
        ConsistentHashLoadBalancer after = new ConsistentHashLoadBalancer(four);

        int moved = 0;
        Map<String, Integer> spread = new HashMap<>();
        for (int i = 0; i < 10_000; i++) {
            String client = "10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255);
            Backend was = before.choose(three, client);
            assertThat(before.choose(three, client)).isSameAs(was);
            spread.merge(was.name(), 1, Integer::sum);
            Backend now = after.choose(four, client);
            if (now != was) {
                moved++;
                assertThat(now.name()).isEqualTo("web-4");
            }
        }

        assertThat(moved).isBetween(2_000, 3_000);
        assertThat(spread.values()).allSatisfy((count) -> assertThat(count).isBetween(2_800, 3_900));
    }

    @Test
    void shouldHandOnlyTheMissingBackendsClientsToOthersWhileItIsOut() {
        List<Backend> group = backends(1, 1, 1);
        ConsistentHashLoadBalancer balancer = new ConsistentHashLoadBalancer(group);
        List<Backend> withoutSecond = List.of(group.get(0), group.get(2));

        for (int i = 0; i < 1_000; i++) {
            String client = "192.168.0." + (i % 250) + "-" + i;
            Backend usual = balancer.choose(group, client);
            Backend meanwhile = balancer.choose(withoutSecond, client);
            if (usual != group.get(1)) {
                assertThat(meanwhile).isSameAs(usual);
            }
        }
    }

    private static List<String> names(LoadBalancer balancer, List<Backend> candidates, int picks) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < picks; i++) {
            names.add(balancer.choose(candidates, "127.0.0.1").name());
        }
        return names;
    }
}
