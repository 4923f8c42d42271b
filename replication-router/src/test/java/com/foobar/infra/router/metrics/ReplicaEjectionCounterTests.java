package com.foobar.infra.router.metrics;

import java.time.Duration;
import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import com.foobar.infra.router.health.ReplicaCheckResult;
import com.foobar.infra.router.health.ReplicaEjectionListener.Cause;
import com.foobar.infra.router.health.ReplicaHealthMonitor;

import static org.assertj.core.api.Assertions.assertThat;

class ReplicaEjectionCounterTests {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    private final ReplicaEjectionCounter counter = new ReplicaEjectionCounter(this.registry,
            List.of("db-replica-1", "db-replica-2"));

    @Test
    void shouldRegisterEachReplicasCountersAtZero() {
        assertThat(this.registry.get("foobar.router.replica.ejections").counters()).hasSize(4)
                .allSatisfy((counter) -> assertThat(counter.count()).isZero());
        assertThat(ejections("db-replica-2", "check")).isZero();
        assertThat(ejections("db-replica-2", "query")).isZero();
    }

    @Test
    void shouldCountEjectionsByReplicaAndCause() {
        this.counter.replicaEjected("db-replica-1", Cause.CHECK);
        this.counter.replicaEjected("db-replica-1", Cause.QUERY);
        this.counter.replicaEjected("db-replica-1", Cause.QUERY);

        assertThat(ejections("db-replica-1", "check")).isEqualTo(1);
        assertThat(ejections("db-replica-1", "query")).isEqualTo(2);
        assertThat(ejections("db-replica-2", "query")).isZero();
    }

    @Test
    void shouldCountTheEjectionsOfAHealthMonitor() {
        // rise 1, fall 1: every failed check takes the replica out, every good one puts it back.
        ReplicaHealthMonitor monitor = new ReplicaHealthMonitor(List.of("db-replica-1", "db-replica-2"),
                (name) -> ReplicaCheckResult.unreachable("Connection refused"), Duration.ofHours(1),
                Duration.ofSeconds(1), 1, 1, List.of(this.counter));

        monitor.markDown("db-replica-1", "Connection reset");
        monitor.markDown("db-replica-1", "Connection reset");
        monitor.check("db-replica-2");

        assertThat(ejections("db-replica-1", "query")).isEqualTo(1);
        assertThat(ejections("db-replica-2", "check")).isEqualTo(1);
    }

    private double ejections(String node, String cause) {
        return this.registry.get("foobar.router.replica.ejections").tag("node", node).tag("cause", cause).counter()
            .count();
    }

}
