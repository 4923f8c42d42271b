package com.foobar.infra.router.metrics;

import java.util.EnumMap;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import com.foobar.infra.router.consistency.GtidWaitListener;

/**
 * A {@link GtidWaitListener} that counts read-your-writes waits by outcome, as {@code foobar.router.gtid.waits}
 * tagged {@code outcome=reached}, {@code timed-out} or {@code failed}; the last two are reads that fell back to the
 * primary.
 *
 * <p>All three counters are registered at once, at zero.
 */
public final class GtidWaitCounter implements GtidWaitListener {

    private final Map<Outcome, Counter> counters = new EnumMap<>(Outcome.class);

    /** @param registry where the counters are registered */
    public GtidWaitCounter(MeterRegistry registry) {
        for (Outcome outcome : Outcome.values()) {
            this.counters.put(outcome, Counter.builder("foobar.router.gtid.waits")
                .description("Waits of a replica read for the client's last write, by how they ended")
                .tag("outcome", tag(outcome))
                .register(registry));
        }
    }

    @Override
    public void gtidWaited(String replicaName, Outcome outcome) {
        this.counters.get(outcome).increment();
    }

    private static String tag(Outcome outcome) {
        return switch (outcome) {
            case REACHED -> "reached";
            case TIMED_OUT -> "timed-out";
            case FAILED -> "failed";
        };
    }

}
