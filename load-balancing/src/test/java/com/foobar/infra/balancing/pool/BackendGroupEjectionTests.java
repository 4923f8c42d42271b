package com.foobar.infra.balancing.pool;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.foobar.infra.balancing.balancer.BalancingAlgorithm;
import com.foobar.infra.balancing.pool.BackendGroupProperties.Ejection;
import com.foobar.infra.balancing.pool.BackendGroupProperties.HealthCheck;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bounds on passive ejection: a cap on how many backends of a group are out at once, and the panic mode that
 * balances over ejected backends again when too few are left in rotation.
 */
class BackendGroupEjectionTests {

    private static final HealthCheck CHECKS = new HealthCheck(Duration.ofSeconds(1), Duration.ofSeconds(1), 2, 3);

    @Test
    void shouldNeverEjectMoreThanTheGroupsCapHoweverManyErrorsItSees() {
        BackendGroup group = group(3, new Ejection(3, Duration.ofSeconds(10), 50, 50));

        // Nine failed requests spread over three backends: once enough to eject every one of them.
        for (int i = 0; i < 9; i++) {
            Backend backend = group.backends().get(i % 3);
            backend.started();
            backend.finished(true, group);
        }

        assertThat(group.backends()).filteredOn(Backend::isEjected).hasSize(1);
        assertThat(group.choose("127.0.0.1", null, List.of())).isNotNull();
    }

    @Test
    void shouldEjectUpToTheShareOfALargerGroup() {
        BackendGroup group = group(6, new Ejection(1, Duration.ofSeconds(10), 50, 50));

        group.backends().forEach((backend) -> {
            backend.started();
            backend.finished(true, group);
        });

        assertThat(group.backends()).filteredOn(Backend::isEjected).hasSize(3);
    }

    @Test
    void shouldBalanceOverEjectedBackendsWhileTooFewAreInRotation() {
        BackendGroup group = group(3, new Ejection(1, Duration.ofSeconds(10), 50, 50));
        List<Backend> all = group.backends();
        all.get(2).drain(true);
        all.get(0).started();
        all.get(0).finished(true, group);

        assertThat(all.get(0).isEjected()).isTrue();
        assertThat(group.isInPanic()).isTrue();
        assertThat(chosen(group, 4)).containsExactlyInAnyOrder(all.get(0), all.get(1), all.get(0), all.get(1));
    }

    @Test
    void shouldKeepEjectedBackendsOutWithoutAPanicThreshold() {
        BackendGroup group = group(3, new Ejection(1, Duration.ofSeconds(10), 50, 0));
        List<Backend> all = group.backends();
        all.get(2).drain(true);
        all.get(0).started();
        all.get(0).finished(true, group);

        assertThat(group.isInPanic()).isFalse();
        assertThat(chosen(group, 4)).containsOnly(all.get(1));
    }

    private static List<Backend> chosen(BackendGroup group, int requests) {
        List<Backend> chosen = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            chosen.add(group.choose("127.0.0.1", null, List.of()));
        }
        return chosen;
    }

    private static BackendGroup group(int size, Ejection ejection) {
        List<BackendGroupProperties.Server> servers = new ArrayList<>();
        for (int i = 1; i <= size; i++) {
            servers.add(TestBackends.server("web-" + i, 1));
        }
        BackendGroupProperties properties = new BackendGroupProperties(BalancingAlgorithm.ROUND_ROBIN, null, CHECKS,
                ejection, 2, null, servers);
        return new BackendGroupRegistry(Map.of("web", properties), (change) -> { }).group("web");
    }
}
