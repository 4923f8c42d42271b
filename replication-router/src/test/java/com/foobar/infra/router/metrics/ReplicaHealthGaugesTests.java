package com.foobar.infra.router.metrics;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import com.foobar.infra.router.health.ReplicaCheckResult;
import com.foobar.infra.router.health.ReplicaHealthMonitor;

import static org.assertj.core.api.Assertions.assertThat;

class ReplicaHealthGaugesTests {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    private final Map<String, ReplicaCheckResult> results = new ConcurrentHashMap<>();

    // rise 2, fall 1, max lag 5 s; never started, so only the checks a test runs count.
    private final ReplicaHealthMonitor monitor = new ReplicaHealthMonitor(List.of("db-replica-1", "db-replica-2"),
            this.results::get, Duration.ofHours(1), Duration.ofSeconds(5), 2, 1);

    ReplicaHealthGaugesTests() {
        new ReplicaHealthGauges(this.registry, this.monitor, List.of("db-replica-1", "db-replica-2"));
    }

    @Test
    void shouldReportAnUnknownLagBeforeTheFirstCheck() {
        assertThat(lag("db-replica-1")).isNaN();
        assertThat(lag("db-replica-2")).isNaN();
    }

    @Test
    void shouldReportTheLagOfTheLastCheckInSeconds() {
        this.results.put("db-replica-1", new ReplicaCheckResult(true, true, 3L, ""));
        this.monitor.check("db-replica-1");

        assertThat(lag("db-replica-1")).isEqualTo(3.0);
        assertThat(this.registry.get("foobar.router.replica.lag").tag("node", "db-replica-1").gauge().getId()
                .getBaseUnit()).isEqualTo("seconds");
        assertThat(lag("db-replica-2")).isNaN();
    }

    @Test
    void shouldReportAnUnknownLagOnceTheReplicaIsUnreachable() {
        this.results.put("db-replica-1", new ReplicaCheckResult(true, true, 3L, ""));
        this.monitor.check("db-replica-1");

        this.monitor.markDown("db-replica-1", "Connection reset");

        assertThat(lag("db-replica-1")).isNaN();
    }

    @Test
    void shouldReportAnUnknownLagWhileReplicationIsStopped() {
        this.results.put("db-replica-1", new ReplicaCheckResult(true, false, null, "Error 'x'"));
        this.monitor.check("db-replica-1");

        assertThat(lag("db-replica-1")).isNaN();
    }

    @Test
    void shouldReportWhetherEachReplicaIsInTheReadRotation() {
        assertThat(eligible("db-replica-1")).isEqualTo(1.0);
        assertThat(eligible("db-replica-2")).isEqualTo(1.0);

        this.results.put("db-replica-1", new ReplicaCheckResult(true, true, 9L, ""));
        this.monitor.check("db-replica-1");

        assertThat(eligible("db-replica-1")).isZero();
        assertThat(lag("db-replica-1")).isEqualTo(9.0);
        assertThat(eligible("db-replica-2")).isEqualTo(1.0);

        this.results.put("db-replica-1", new ReplicaCheckResult(true, true, 0L, ""));
        this.monitor.check("db-replica-1");
        this.monitor.check("db-replica-1");

        assertThat(eligible("db-replica-1")).isEqualTo(1.0);
    }

    private double lag(String node) {
        return this.registry.get("foobar.router.replica.lag").tag("node", node).gauge().value();
    }

    private double eligible(String node) {
        return this.registry.get("foobar.router.replica.eligible").tag("node", node).gauge().value();
    }

}
