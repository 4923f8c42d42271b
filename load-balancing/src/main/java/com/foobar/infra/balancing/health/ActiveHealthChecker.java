package com.foobar.infra.balancing.health;

import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.foobar.infra.balancing.pool.Backend;
import com.foobar.infra.balancing.pool.BackendGroup;
import com.foobar.infra.balancing.pool.BackendGroupProperties.HealthCheck;
import com.foobar.infra.balancing.pool.BackendGroupRegistry;
import io.netty.channel.ChannelOption;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

import org.springframework.context.SmartLifecycle;

/**
 * Checks every backend that has a health URI on its group's interval, with a fresh connection each time as HAProxy
 * does, and takes it out of rotation after {@code fall} failed checks in a row, back in after {@code rise} passed ones.
 *
 * <p>A check passes on a {@code 2xx} within the timeout. A backend that is shutting down reports its readiness as
 * down before it stops accepting connections, so it leaves the rotation while it still answers. One timer ticks every
 * {@value #TICK_MILLIS} ms and starts the checks that are due, so a reloaded configuration needs no rescheduling.
 */
public class ActiveHealthChecker implements SmartLifecycle {

    private static final Logger logger = LoggerFactory.getLogger(ActiveHealthChecker.class);

    static final long TICK_MILLIS = 100;

    private final BackendGroupRegistry registry;

    private final HttpClient client = HttpClient.newConnection();

    private final Map<Backend, Schedule> schedules = new ConcurrentHashMap<>();

    private volatile @Nullable Disposable ticker;

    public ActiveHealthChecker(BackendGroupRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void start() {
        this.ticker = Flux.interval(Duration.ofMillis(TICK_MILLIS)).onBackpressureDrop().subscribe((tick) -> tick());
    }

    @Override
    public void stop() {
        Disposable running = this.ticker;
        if (running != null) {
            running.dispose();
            this.ticker = null;
        }
    }

    @Override
    public boolean isRunning() {
        return this.ticker != null;
    }

    void tick() {
        long now = System.nanoTime();
        Set<Backend> current = new HashSet<>();
        for (BackendGroup group : this.registry.groups()) {
            for (Backend backend : group.backends()) {
                URI healthUri = backend.healthUri();
                if (healthUri == null) {
                    continue;
                }
                current.add(backend);
                Schedule schedule = this.schedules.computeIfAbsent(backend, (b) -> new Schedule());
                if (!schedule.inProgress && now - schedule.nextNanos >= 0) {
                    HealthCheck rule = group.properties().healthCheck();
                    schedule.inProgress = true;
                    schedule.nextNanos = now + rule.interval().toNanos();
                    check(healthUri, rule.timeout()).subscribe((failure) -> {
                        record(group.name(), backend, failure.isEmpty() ? null : failure, rule);
                        schedule.inProgress = false;
                    });
                }
            }
        }
        this.schedules.keySet().retainAll(current);
    }

    /** Emits {@code ""} when the check passed, or why it failed. */
    private Mono<String> check(URI healthUri, Duration timeout) {
        return this.client.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) timeout.toMillis())
            .responseTimeout(timeout)
            .get()
            .uri(healthUri)
            .responseSingle((response, body) -> body.then(Mono.just(response.status().code())))
            .map((status) -> (status >= 200 && status < 300) ? "" : "HTTP " + status)
            .timeout(timeout.plus(timeout))
            .onErrorResume((ex) -> Mono.just(describe(ex)));
    }

    private static void record(String group, Backend backend, @Nullable String failure, HealthCheck rule) {
        if (backend.checked(failure, rule)) {
            if (failure == null) {
                logger.info("Backend {}/{} is UP after {} passed checks", group, backend.name(), rule.rise());
            }
            else {
                logger.warn("Backend {}/{} is DOWN after {} failed checks, the last one: {}", group, backend.name(),
                        rule.fall(), failure);
            }
        }
    }

    private static String describe(Throwable ex) {
        String message = ex.getMessage();
        return ex.getClass().getSimpleName() + ((message != null) ? ": " + message : "");
    }

    private static final class Schedule {

        volatile long nextNanos = System.nanoTime();

        volatile boolean inProgress;
    }
}
