package com.foobar.infra.balancing.pool;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.foobar.infra.balancing.balancer.BalancingAlgorithm;
import com.foobar.infra.balancing.pool.BackendGroupProperties.Ejection;
import com.foobar.infra.balancing.pool.BackendGroupProperties.HealthCheck;
import com.foobar.infra.balancing.pool.BackendGroupProperties.Server;
import com.foobar.infra.balancing.pool.BackendGroupRegistry.BackendChange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class BackendGroupRegistryTests {

    private static final HealthCheck CHECKS = new HealthCheck(Duration.ofSeconds(1), Duration.ofSeconds(1), 2, 3);

    private static final Ejection EJECTION = new Ejection(3, Duration.ofSeconds(10), 50, 50);

    private final List<BackendChange> changes = new ArrayList<>();

    @Test
    void shouldKeepStateOfUnchangedBackendsAcrossReload() {
        BackendGroupRegistry registry = new BackendGroupRegistry(Map.of("web", group("web-1", "web-2")),
                this.changes::add);
        Backend kept = registry.group("web").backends().get(0);
        kept.drain(true);
        this.changes.clear();

        registry.apply(Map.of("web", group("web-1", "web-3")));

        assertThat(registry.group("web").backends().get(0)).isSameAs(kept);
        assertThat(kept.state()).isEqualTo("DRAIN");
        assertThat(this.changes).extracting((c) -> c.backend().name() + (c.added() ? " added" : " removed"))
            .containsExactlyInAnyOrder("web-3 added", "web-2 removed");
    }

    @Test
    void shouldTakeBackendDownAfterFallFailedChecksAndUpAfterRisePassedOnes() {
        Backend backend = TestBackends.backend("web-1", 1);

        assertThat(backend.checked("refused", CHECKS)).isFalse();
        assertThat(backend.checked("refused", CHECKS)).isFalse();
        assertThat(backend.checked("refused", CHECKS)).isTrue();
        assertThat(backend.state()).isEqualTo("DOWN");
        assertThat(backend.checked(null, CHECKS)).isFalse();
        assertThat(backend.checked(null, CHECKS)).isTrue();
        assertThat(backend.isAvailable()).isTrue();
    }

    @Test
    void shouldEjectAfterConsecutiveErrorsOnly() {
        BackendGroup group = new BackendGroupRegistry(Map.of("web", group("web-1")), this.changes::add).group("web");
        Backend backend = group.backends().getFirst();
        for (int i = 0; i < 2; i++) {
            backend.started();
            backend.finished(true, group);
        }
        backend.started();
        backend.finished(false, group);
        backend.started();
        assertThat(backend.finished(true, group)).isFalse();
        backend.started();
        backend.finished(true, group);
        backend.started();

        assertThat(backend.finished(true, group)).isTrue();
        assertThat(backend.state()).isEqualTo("EJECTED");
        assertThat(backend.inFlight()).isZero();
        assertThat(backend.errors()).isEqualTo(5);
    }

    @Test
    void shouldChooseOnlyBackendsInRotationThatTheRequestHasNotTried() {
        BackendGroupRegistry registry = new BackendGroupRegistry(Map.of("web", group("web-1", "web-2", "web-3")),
                this.changes::add);
        BackendGroup group = registry.group("web");
        List<Backend> all = group.backends();
        all.get(0).drain(true);

        Backend chosen = group.choose("127.0.0.1", null, List.of(all.get(1)));

        assertThat(chosen).isSameAs(all.get(2));
        assertThat(group.choose("127.0.0.1", null, List.of(all.get(1), all.get(2)))).isNull();
    }

    @Test
    void shouldRefuseAGroupListingOneNameTwice() {
        assertThatIllegalArgumentException().isThrownBy(() -> group("web-1", "web-2", "web-1"))
            .withMessage("backends[].name must be unique in a group; web-1 is listed twice");
    }

    @Test
    void shouldSendEveryRequestToThePreferredBackendWhileItIsInRotation() {
        BackendGroup group = preferring("app-2", "app-1", "app-2", "app-3");
        Backend preferred = group.backends().get(1);

        for (int i = 0; i < 6; i++) {
            assertThat(group.choose("127.0.0.1", null, List.of())).isSameAs(preferred);
        }
        assertThat(group.isBackup(preferred)).isFalse();
        assertThat(group.isBackup(group.backends().get(0))).isTrue();
    }

    @Test
    void shouldShareRequestsAmongTheBackupsWhileThePreferredBackendIsOut() {
        BackendGroup group = preferring("app-2", "app-1", "app-2", "app-3");
        List<Backend> all = group.backends();
        all.get(1).drain(true);

        List<Backend> chosen = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            chosen.add(group.choose("127.0.0.1", null, List.of()));
        }

        assertThat(chosen).containsExactly(all.get(0), all.get(2), all.get(0), all.get(2));
        all.get(1).drain(false);
        assertThat(group.choose("127.0.0.1", null, List.of())).isSameAs(all.get(1));
    }

    @Test
    void shouldRetryOnABackupAfterThePreferredBackendFailed() {
        BackendGroup group = preferring("app-1", "app-1", "app-2");
        Backend preferred = group.backends().get(0);

        assertThat(group.choose("127.0.0.1", null, List.of(preferred))).isSameAs(group.backends().get(1));
    }

    @Test
    void shouldTreatServersMarkedBackupAsBackupsAndAGroupOfBackupsAsPrimaries() {
        BackendGroupProperties marked = new BackendGroupProperties(BalancingAlgorithm.ROUND_ROBIN, null, CHECKS,
                EJECTION, 2, null, List.of(TestBackends.server("web-1", 1), backup("web-2")));
        BackendGroup group = new BackendGroupRegistry(Map.of("web", marked), this.changes::add).group("web");
        BackendGroupProperties onlyBackups = new BackendGroupProperties(BalancingAlgorithm.ROUND_ROBIN, null, CHECKS,
                EJECTION, 2, "", List.of(backup("web-1"), backup("web-2")));
        BackendGroup backups = new BackendGroupRegistry(Map.of("web", onlyBackups), this.changes::add).group("web");

        assertThat(group.choose("127.0.0.1", null, List.of())).isSameAs(group.backends().get(0));
        assertThat(group.choose("127.0.0.1", null, List.of())).isSameAs(group.backends().get(0));
        assertThat(backups.choose("127.0.0.1", null, List.of())).isSameAs(backups.backends().get(0));
        assertThat(backups.choose("127.0.0.1", null, List.of())).isSameAs(backups.backends().get(1));
    }

    @Test
    void shouldRefuseAPreferredBackendThatIsNotInTheGroup() {
        assertThatIllegalArgumentException().isThrownBy(() -> preferring("app-9", "app-1", "app-2"))
            .withMessage("preferred must name a backend of the group; app-9 is none of [app-1, app-2]");
    }

    private BackendGroup preferring(String preferred, String... names) {
        BackendGroupProperties properties = new BackendGroupProperties(BalancingAlgorithm.ROUND_ROBIN, null, CHECKS,
                EJECTION, 2, preferred, List.of(names).stream().map((name) -> TestBackends.server(name, 1)).toList());
        return new BackendGroupRegistry(Map.of("app", properties), this.changes::add).group("app");
    }

    private static Server backup(String name) {
        Server server = TestBackends.server(name, 1);
        return new Server(server.name(), server.uri(), server.weight(), null, true);
    }

    private static BackendGroupProperties group(String... names) {
        return new BackendGroupProperties(BalancingAlgorithm.ROUND_ROBIN, null, CHECKS, EJECTION, 2, null,
                List.of(names).stream().map((name) -> TestBackends.server(name, 1)).toList());
    }
}
