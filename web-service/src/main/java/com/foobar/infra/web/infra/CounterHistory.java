package com.foobar.infra.web.infra;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The counters one node reported on its last polls, each set with the time it was read, from which rates and
 * increases over a recent window are computed, as Prometheus' {@code rate()} and {@code increase()} do.
 *
 * <p>Counters only grow while a process lives, so a counter that shrank means the node restarted: the history
 * before it is dropped. Snapshots older than {@code keep} are dropped as new ones come.
 */
final class CounterHistory {

    // A window's base is the oldest snapshot not older than the window plus this share of it: polls drift a little.
    private static final double SLACK = 1.25;

    private final Deque<Snapshot> snapshots = new ArrayDeque<>();

    private final long keepNanos;

    CounterHistory(Duration keep) {
        this.keepNanos = (long) (keep.toNanos() * SLACK);
    }

    void add(long nanos, Map<String, Double> counters) {
        Snapshot last = this.snapshots.peekLast();
        if (last != null && counters.entrySet()
            .stream()
            .anyMatch((counter) -> counter.getValue() < last.counters().getOrDefault(counter.getKey(), 0.0))) {
            this.snapshots.clear();
        }
        this.snapshots.addLast(new Snapshot(nanos, Map.copyOf(counters)));
        while (nanos - this.snapshots.getFirst().nanos() > this.keepNanos) {
            this.snapshots.removeFirst();
        }
    }

    /** The counter's growth per second over about {@code window}; null until two snapshots are that close. */
    @Nullable Double rate(String counter, Duration window) {
        Snapshot last = this.snapshots.peekLast();
        Snapshot base = base(window);
        if (last == null || base == null || !last.counters().containsKey(counter)) {
            return null;
        }
        double seconds = (last.nanos() - base.nanos()) / 1e9;
        return (last.counters().get(counter) - base.counters().getOrDefault(counter, 0.0)) / seconds;
    }

    /** How much each counter whose name starts with {@code prefix} grew over about {@code window}, by name. */
    Map<String, Double> increase(String prefix, Duration window) {
        Snapshot last = this.snapshots.peekLast();
        Snapshot base = base(window);
        Map<String, Double> increase = new LinkedHashMap<>();
        if (last != null && base != null) {
            last.counters().forEach((name, value) -> {
                if (name.startsWith(prefix)) {
                    increase.put(name, value - base.counters().getOrDefault(name, 0.0));
                }
            });
        }
        return increase;
    }

    private @Nullable Snapshot base(Duration window) {
        Snapshot last = this.snapshots.peekLast();
        long oldest = (last != null) ? last.nanos() - (long) (window.toNanos() * SLACK) : 0;
        for (Snapshot snapshot : this.snapshots) {
            if (snapshot != last && snapshot.nanos() >= oldest) {
                return snapshot;
            }
        }
        return null;
    }

    private record Snapshot(long nanos, Map<String, Double> counters) {
    }

}
