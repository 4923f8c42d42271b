package com.foobar.infra.router.metrics;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import com.foobar.infra.router.consistency.GtidWaitListener.Outcome;

import static org.assertj.core.api.Assertions.assertThat;

class GtidWaitCounterTests {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    private final GtidWaitCounter counter = new GtidWaitCounter(this.registry);

    @Test
    void shouldRegisterEveryOutcomeAtZero() {
        assertThat(waits("reached")).isZero();
        assertThat(waits("timed-out")).isZero();
        assertThat(waits("failed")).isZero();
    }

    @Test
    void shouldCountWaitsByOutcome() {
        this.counter.gtidWaited("db-replica-1", Outcome.REACHED);
        this.counter.gtidWaited("db-replica-2", Outcome.REACHED);
        this.counter.gtidWaited("db-replica-1", Outcome.TIMED_OUT);
        this.counter.gtidWaited("db-replica-2", Outcome.FAILED);
        this.counter.gtidWaited("db-replica-2", Outcome.FAILED);
        this.counter.gtidWaited("db-replica-2", Outcome.FAILED);

        assertThat(waits("reached")).isEqualTo(2);
        assertThat(waits("timed-out")).isEqualTo(1);
        assertThat(waits("failed")).isEqualTo(3);
    }

    private double waits(String outcome) {
        return this.registry.get("foobar.router.gtid.waits").tag("outcome", outcome).counter().count();
    }

}
