package com.foobar.infra.router.health;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReplicaCheckResultTests {

    private static final Duration MAX_LAG = Duration.ofSeconds(1);

    @Test
    void shouldBeHealthyWhenReachableReplicatingAndWithinTheMaxLag() {
        assertThat(new ReplicaCheckResult(true, true, 0L, "").isHealthy(MAX_LAG)).isTrue();
        assertThat(new ReplicaCheckResult(true, true, 1L, "").isHealthy(MAX_LAG)).isTrue();
    }

    @Test
    void shouldBeUnhealthyWhenLaggingMoreThanTheMaxLag() {
        assertThat(new ReplicaCheckResult(true, true, 2L, "").isHealthy(MAX_LAG)).isFalse();
        assertThat(new ReplicaCheckResult(true, true, 2L, "").isHealthy(Duration.ofSeconds(2))).isTrue();
    }

    @Test
    void shouldBeUnhealthyWhenTheLagIsUnknown() {
        assertThat(new ReplicaCheckResult(true, true, null, "").isHealthy(MAX_LAG)).isFalse();
    }

    @Test
    void shouldBeUnhealthyWhenReplicationIsStopped() {
        assertThat(new ReplicaCheckResult(true, false, 0L, "").isHealthy(MAX_LAG)).isFalse();
    }

    @Test
    void shouldBeUnhealthyWhenUnreachable() {
        ReplicaCheckResult unreachable = ReplicaCheckResult.unreachable("Connection refused");

        assertThat(unreachable.isHealthy(MAX_LAG)).isFalse();
        assertThat(unreachable.reachable()).isFalse();
        assertThat(unreachable.replicating()).isFalse();
        assertThat(unreachable.lagSeconds()).isNull();
        assertThat(unreachable.problem()).isEqualTo("Connection refused");
    }

    @Test
    void shouldDescribeAnUnreachableReplica() {
        assertThat(ReplicaCheckResult.unreachable("Connection refused").describe(MAX_LAG))
                .isEqualTo("unreachable: Connection refused");
    }

    @Test
    void shouldDescribeStoppedReplicationWithItsErrorWhenThereIsOne() {
        assertThat(new ReplicaCheckResult(true, false, null, "Error 'Duplicate entry' on query").describe(MAX_LAG))
                .isEqualTo("replication stopped: Error 'Duplicate entry' on query");
        assertThat(new ReplicaCheckResult(true, false, null, "").describe(MAX_LAG)).isEqualTo("replication stopped");
    }

    @Test
    void shouldDescribeALaggingReplicaWithItsLagAndTheMaxLag() {
        assertThat(new ReplicaCheckResult(true, true, 5L, "").describe(MAX_LAG))
                .isEqualTo("lagging 5 s (max 1 s)");
    }

    @Test
    void shouldDescribeAHealthyReplicaWithItsLag() {
        assertThat(new ReplicaCheckResult(true, true, 1L, "").describe(MAX_LAG)).isEqualTo("replicating, lag 1 s");
    }
}
