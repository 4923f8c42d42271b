package com.foobar.infra.router.health;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

@ExtendWith(OutputCaptureExtension.class)
class ReplicaHealthMonitorTests {

    private static final ReplicaCheckResult HEALTHY = new ReplicaCheckResult(true, true, 0L, "");

    private static final ReplicaCheckResult UNREACHABLE = ReplicaCheckResult.unreachable("Connection refused");

    private final FakeReplicaChecker checker = new FakeReplicaChecker();

    // rise 2, fall 3, max lag 1 s; the interval matters only once started.
    private final ReplicaHealthMonitor monitor = new ReplicaHealthMonitor(List.of("db-replica-1", "db-replica-2"),
            this.checker, Duration.ofHours(1), Duration.ofSeconds(1), 2, 3);

    @Test
    void shouldStartWithEveryReplicaEligible() {
        assertThat(this.monitor.isEligible("db-replica-1")).isTrue();
        assertThat(this.monitor.isEligible("db-replica-2")).isTrue();
        assertThat(this.checker.checks).isEmpty();
    }

    @Test
    void shouldNotMakeAnUnknownReplicaEligible() {
        assertThat(this.monitor.isEligible("db-replica-9")).isFalse();
    }

    @Test
    void shouldTakeAReplicaOutAfterExactlyFallFailedChecks() {
        this.checker.results.put("db-replica-1", UNREACHABLE);

        checkTimes("db-replica-1", 2);
        assertThat(this.monitor.isEligible("db-replica-1")).isTrue();

        checkTimes("db-replica-1", 1);
        assertThat(this.monitor.isEligible("db-replica-1")).isFalse();
        assertThat(this.monitor.isEligible("db-replica-2")).isTrue();
    }

    @Test
    void shouldPutAReplicaBackAfterExactlyRiseGoodChecks() {
        this.checker.results.put("db-replica-1", UNREACHABLE);
        checkTimes("db-replica-1", 3);
        this.checker.results.put("db-replica-1", HEALTHY);

        checkTimes("db-replica-1", 1);
        assertThat(this.monitor.isEligible("db-replica-1")).isFalse();

        checkTimes("db-replica-1", 1);
        assertThat(this.monitor.isEligible("db-replica-1")).isTrue();
    }

    @Test
    void shouldCountALagOverTheMaxLagAsAFailedCheck() {
        this.checker.results.put("db-replica-1", new ReplicaCheckResult(true, true, 2L, ""));

        checkTimes("db-replica-1", 3);

        assertThat(this.monitor.isEligible("db-replica-1")).isFalse();
    }

    @Test
    void shouldKeepAReplicaLaggingByTheMaxLag() {
        this.checker.results.put("db-replica-1", new ReplicaCheckResult(true, true, 1L, ""));

        checkTimes("db-replica-1", 5);

        assertThat(this.monitor.isEligible("db-replica-1")).isTrue();
    }

    @Test
    void shouldCountStoppedReplicationAsAFailedCheck() {
        this.checker.results.put("db-replica-1", new ReplicaCheckResult(true, false, null, "Error 'x'"));

        checkTimes("db-replica-1", 3);

        assertThat(this.monitor.isEligible("db-replica-1")).isFalse();
    }

    @Test
    void shouldDescribeReplicasNotCheckedYet() {
        assertThat(this.monitor.describe()).containsExactly(entry("db-replica-1", "UP, not checked yet"),
                entry("db-replica-2", "UP, not checked yet"));
    }

    @Test
    void shouldDescribeEachReplicasStateAndLastCheck() {
        this.checker.results.put("db-replica-1", UNREACHABLE);
        this.checker.results.put("db-replica-2", new ReplicaCheckResult(true, true, 5L, ""));
        checkTimes("db-replica-1", 3);
        checkTimes("db-replica-2", 1);

        assertThat(this.monitor.describe()).containsExactly(
                entry("db-replica-1", "DOWN, unreachable: Connection refused"),
                entry("db-replica-2", "UP, lagging 5 s (max 1 s)"));

        this.checker.results.put("db-replica-1", HEALTHY);
        checkTimes("db-replica-1", 1);

        assertThat(this.monitor.describe()).containsEntry("db-replica-1", "DOWN, replicating, lag 0 s");
    }

    @Test
    void shouldLogAReplicaLeavingAndTheLastReplicaLeavingOnlyOnce(CapturedOutput output) {
        this.checker.results.put("db-replica-1", UNREACHABLE);
        this.checker.results.put("db-replica-2", UNREACHABLE);

        checkTimes("db-replica-1", 6);
        checkTimes("db-replica-2", 6);

        assertThat(output.getOut())
                .containsOnlyOnce("db-replica-1 left the read rotation: unreachable: Connection refused")
                .containsOnlyOnce("db-replica-2 left the read rotation: unreachable: Connection refused")
                .containsOnlyOnce("No replica is eligible for reads");
    }

    @Test
    void shouldNotLogThatNoReplicaIsEligibleWhileOneIs(CapturedOutput output) {
        this.checker.results.put("db-replica-1", UNREACHABLE);

        checkTimes("db-replica-1", 6);

        assertThat(output.getOut()).containsOnlyOnce("db-replica-1 left the read rotation")
                .doesNotContain("No replica is eligible");
    }

    @Test
    void shouldCheckEveryReplicaInTheBackgroundUntilStopped() throws InterruptedException {
        assertThat(this.monitor.isRunning()).isFalse();

        this.monitor.start();
        try {
            assertThat(this.monitor.isRunning()).isTrue();
            // The first check of each replica runs at once; the next would come an hour later.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (this.monitor.describe().containsValue("UP, not checked yet") && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
        }
        finally {
            this.monitor.stop();
        }

        assertThat(this.monitor.isRunning()).isFalse();
        assertThat(this.monitor.describe()).containsExactly(entry("db-replica-1", "UP, replicating, lag 0 s"),
                entry("db-replica-2", "UP, replicating, lag 0 s"));
        assertThat(this.checker.checks).containsExactlyInAnyOrder("db-replica-1", "db-replica-2");
    }

    @Test
    void shouldTellTheEjectionListenersOnceWhenChecksTakeAReplicaOut() {
        List<String> ejections = new CopyOnWriteArrayList<>();
        ReplicaHealthMonitor monitor = monitorTelling(ejections);
        this.checker.results.put("db-replica-1", UNREACHABLE);

        checkTimes(monitor, "db-replica-1", 2);
        assertThat(ejections).isEmpty();

        checkTimes(monitor, "db-replica-1", 4);
        assertThat(ejections).containsExactly("db-replica-1 CHECK");
    }

    @Test
    void shouldTellTheEjectionListenersOnceWhenQueriesTakeAReplicaOut() {
        List<String> ejections = new CopyOnWriteArrayList<>();
        ReplicaHealthMonitor monitor = monitorTelling(ejections);

        monitor.connectionFailed("db-replica-2", "Connection reset");
        monitor.markDown("db-replica-2", "Connection reset");
        monitor.markDown("db-primary", "Connection refused");

        assertThat(ejections).containsExactly("db-replica-2 QUERY");
    }

    @Test
    void shouldTellTheEjectionListenersAgainAfterAReplicaCameBack() {
        List<String> ejections = new CopyOnWriteArrayList<>();
        ReplicaHealthMonitor monitor = monitorTelling(ejections);
        monitor.markDown("db-replica-1", "Connection reset");
        checkTimes(monitor, "db-replica-1", 2);
        this.checker.results.put("db-replica-1", UNREACHABLE);

        checkTimes(monitor, "db-replica-1", 3);

        assertThat(ejections).containsExactly("db-replica-1 QUERY", "db-replica-1 CHECK");
    }

    @Test
    void shouldKeepEachReplicasLastResult() {
        this.checker.results.put("db-replica-1", new ReplicaCheckResult(true, true, 4L, ""));
        checkTimes("db-replica-1", 1);

        assertThat(this.monitor.lastResult("db-replica-1")).contains(new ReplicaCheckResult(true, true, 4L, ""));
        assertThat(this.monitor.lastResult("db-replica-2")).isEmpty();
        assertThat(this.monitor.lastResult("db-replica-9")).isEmpty();

        this.monitor.markDown("db-replica-1", "Connection reset");

        assertThat(this.monitor.lastResult("db-replica-1"))
                .contains(ReplicaCheckResult.unreachable("Connection reset"));
    }

    private ReplicaHealthMonitor monitorTelling(List<String> ejections) {
        ReplicaEjectionListener listener = (replicaName, cause) -> ejections.add(replicaName + " " + cause);
        return new ReplicaHealthMonitor(List.of("db-replica-1", "db-replica-2"), this.checker, Duration.ofHours(1),
                Duration.ofSeconds(1), 2, 3, List.of(listener));
    }

    private void checkTimes(String replicaName, int times) {
        checkTimes(this.monitor, replicaName, times);
    }

    private static void checkTimes(ReplicaHealthMonitor monitor, String replicaName, int times) {
        for (int i = 0; i < times; i++) {
            monitor.check(replicaName);
        }
    }

    private static final class FakeReplicaChecker implements ReplicaChecker {

        private final Map<String, ReplicaCheckResult> results = new ConcurrentHashMap<>();

        private final List<String> checks = new CopyOnWriteArrayList<>();

        @Override
        public ReplicaCheckResult check(String replicaName) {
            this.checks.add(replicaName);
            return this.results.getOrDefault(replicaName, HEALTHY);
        }
    }
}
