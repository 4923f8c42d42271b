package com.foobar.infra.balancing.metrics;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import com.foobar.infra.balancing.pool.Backend;
import com.foobar.infra.balancing.pool.BackendGroupRegistry.BackendChange;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;

/**
 * Per-backend meters, tagged with the group and the backend's own name rather than the route's {@code lb://} URI
 * that Spring Cloud Gateway's own metrics carry.
 *
 * <ul>
 * <li>{@code foobar.backend.requests} timer: time to the backend's response headers (HAProxy's
 * {@code Tr}), by {@code status}, with a histogram for percentiles;</li>
 * <li>{@code foobar.backend.errors} counter by {@code kind}: {@code connect}, {@code closed}, {@code timeout},
 * {@code 5xx}, {@code other};</li>
 * <li>{@code foobar.backend.in.flight}, {@code .up} (1 in rotation, 0 out) and {@code .weight} gauges;</li>
 * <li>{@code foobar.backend.ejections} and {@code foobar.backend.retries} counters.</li>
 * </ul>
 * It follows the registry's changes, so a backend removed by a reload leaves no stale series.
 */
public class BackendMetrics implements Consumer<BackendChange> {

    private static final List<String> ERROR_KINDS = List.of("connect", "closed", "timeout", "5xx", "other");

    private final MeterRegistry registry;

    private final Map<Backend, Map<String, Timer>> timers = new ConcurrentHashMap<>();

    public BackendMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void accept(BackendChange change) {
        Backend backend = change.backend();
        if (change.added()) {
            Tags tags = tags(change.group(), backend);
            Gauge.builder("foobar.backend.in.flight", backend, Backend::inFlight).tags(tags)
                .description("Requests sent to the backend and not answered yet").register(this.registry);
            Gauge.builder("foobar.backend.up", backend, (b) -> b.isAvailable() ? 1 : 0).tags(tags)
                .description("1 while the backend is in rotation, 0 while it is out").register(this.registry);
            Gauge.builder("foobar.backend.weight", backend, Backend::weight).tags(tags)
                .register(this.registry);
            this.timers.put(backend, new ConcurrentHashMap<>());
            // Counters start at zero rather than at the first failure, so rate() and alerts see every backend.
            ERROR_KINDS.forEach((kind) -> failures(change.group(), backend, kind));
            ejections(change.group(), backend);
            retries(change.group(), backend);
        }
        else {
            this.timers.remove(backend);
            this.registry.getMeters().stream()
                .filter((meter) -> meter.getId().getName().startsWith("foobar.backend.")
                        && backend.name().equals(meter.getId().getTag("backend"))
                        && change.group().equals(meter.getId().getTag("group")))
                .forEach(this.registry::remove);
        }
    }

    /** Records one answered request: its status and the time until the backend's response headers arrived. */
    public void answered(String group, Backend backend, int status, long nanos) {
        Map<String, Timer> byStatus = this.timers.get(backend);
        if (byStatus == null) {
            // Removed by a reload while this request was in flight: its series are gone and stay gone.
            return;
        }
        byStatus.computeIfAbsent(Integer.toString(status), (code) -> Timer.builder("foobar.backend.requests")
            .tags(tags(group, backend))
            .tag("status", code)
            .publishPercentileHistogram()
            .description("Requests sent to the backend, timed to its response headers")
            .register(this.registry)).record(nanos, TimeUnit.NANOSECONDS);
        if (status >= 500) {
            failed(group, backend, "5xx");
        }
    }

    /** Counts a failure of the backend by kind: {@code connect}, {@code closed}, {@code timeout}, {@code 5xx}... */
    public void failed(String group, Backend backend, String kind) {
        if (this.timers.containsKey(backend)) {
            failures(group, backend, kind).increment();
        }
    }

    public void ejected(String group, Backend backend) {
        if (this.timers.containsKey(backend)) {
            ejections(group, backend).increment();
        }
    }

    /** Counts a request sent again, to another backend, after a connection to this one failed. */
    public void retried(String group, Backend backend) {
        if (this.timers.containsKey(backend)) {
            retries(group, backend).increment();
        }
    }

    private Counter failures(String group, Backend backend, String kind) {
        return Counter.builder("foobar.backend.errors").tags(tags(group, backend)).tag("kind", kind)
            .register(this.registry);
    }

    private Counter ejections(String group, Backend backend) {
        return Counter.builder("foobar.backend.ejections").tags(tags(group, backend)).register(this.registry);
    }

    private Counter retries(String group, Backend backend) {
        return Counter.builder("foobar.backend.retries").tags(tags(group, backend)).register(this.registry);
    }

    private static Tags tags(String group, Backend backend) {
        return Tags.of("group", group, "backend", backend.name());
    }
}
