package com.foobar.infra.router.health;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.foobar.infra.router.health.ReplicaEjectionListener.Cause;
import com.foobar.infra.router.health.ReplicaState.Transition;
import com.foobar.infra.router.routing.ReplicaEligibility;

import org.springframework.context.SmartLifecycle;

/**
 * A {@link ReplicaEligibility} kept by checking every replica in the background, each on its own schedule so a
 * replica that hangs delays no other. A replica leaves the read rotation after {@code fall} failed checks in a
 * row (unreachable, replication stopped, or lag over {@code maxLag}) and returns after {@code rise} good ones.
 *
 * <p>Changes are logged once each, not per query: a replica leaving or returning, and the moment no replica is
 * left (reads then go to the primary, or fail, as the router is configured). Each departure is also told to the
 * {@link ReplicaEjectionListener}s, outside the monitor's lock.
 */
public class ReplicaHealthMonitor implements ReplicaEligibility, SmartLifecycle {

    private static final Logger logger = LoggerFactory.getLogger(ReplicaHealthMonitor.class);

    private final ReplicaChecker checker;

    private final Duration interval;

    private final Duration maxLag;

    private final Map<String, ReplicaState> states = new LinkedHashMap<>();

    private final Map<String, ReplicaCheckResult> lastResults = new LinkedHashMap<>();

    private final List<ReplicaEjectionListener> ejectionListeners;

    private boolean noneEligible;

    private volatile ScheduledExecutorService scheduler;

    public ReplicaHealthMonitor(List<String> replicaNames, ReplicaChecker checker, Duration interval,
            Duration maxLag, int rise, int fall) {
        this(replicaNames, checker, interval, maxLag, rise, fall, List.of());
    }

    /** @param ejectionListeners told, in order, each time a replica leaves the read rotation */
    public ReplicaHealthMonitor(List<String> replicaNames, ReplicaChecker checker, Duration interval,
            Duration maxLag, int rise, int fall, List<ReplicaEjectionListener> ejectionListeners) {
        this.ejectionListeners = List.copyOf(ejectionListeners);
        this.checker = checker;
        this.interval = interval;
        this.maxLag = maxLag;
        for (String name : replicaNames) {
            this.states.put(name, new ReplicaState(rise, fall));
        }
    }

    @Override
    public boolean isEligible(String replicaName) {
        ReplicaState state = this.states.get(replicaName);
        return state != null && state.isUp();
    }

    /**
     * Takes a replica out of the read rotation at once, because a query on it just failed with a connection
     * error (passive checking, as HAProxy's {@code observe}); the background checks put it back after
     * {@code rise} good ones. Unknown names are ignored: the primary is not in the rotation.
     */
    @Override
    public void connectionFailed(String replicaName, String reason) {
        markDown(replicaName, reason);
    }

    public void markDown(String replicaName, String reason) {
        ReplicaState state = this.states.get(replicaName);
        if (state == null || state.markDown() == Transition.NONE) {
            return;
        }
        synchronized (this) {
            ReplicaCheckResult failure = ReplicaCheckResult.unreachable(reason);
            this.lastResults.put(replicaName, failure);
            logger.warn("{} left the read rotation: a query failed: {}", replicaName, failure.problem());
            updateNoneEligible();
        }
        ejected(replicaName, Cause.QUERY);
    }

    /** Checks one replica now and applies the result, as the schedule does every {@code interval}. */
    public void check(String replicaName) {
        ReplicaCheckResult result = this.checker.check(replicaName);
        Transition transition = this.states.get(replicaName).record(result.isHealthy(this.maxLag));
        synchronized (this) {
            this.lastResults.put(replicaName, result);
            if (transition == Transition.WENT_DOWN) {
                logger.warn("{} left the read rotation: {}", replicaName, result.describe(this.maxLag));
            }
            else if (transition == Transition.CAME_UP) {
                logger.info("{} is back in the read rotation: {}", replicaName, result.describe(this.maxLag));
            }
            updateNoneEligible();
        }
        if (transition == Transition.WENT_DOWN) {
            ejected(replicaName, Cause.CHECK);
        }
    }

    private void ejected(String replicaName, Cause cause) {
        for (ReplicaEjectionListener listener : this.ejectionListeners) {
            listener.replicaEjected(replicaName, cause);
        }
    }

    private void updateNoneEligible() {
        boolean none = this.states.values().stream().noneMatch(ReplicaState::isUp);
        if (none != this.noneEligible) {
            this.noneEligible = none;
            if (none) {
                logger.warn("No replica is eligible for reads; read-only transactions use the fallback until one "
                        + "recovers");
            }
            else {
                logger.info("Replicas are eligible for reads again");
            }
        }
    }

    // A task that throws is never scheduled again, and the replica's state would freeze.
    private void checkSafely(String replicaName) {
        try {
            check(replicaName);
        }
        catch (RuntimeException ex) {
            logger.error("Checking {} failed", replicaName, ex);
        }
    }

    /**
     * The last check of a replica, or the failed query that took it out since; empty before its first check and
     * for a name that is not a replica's.
     */
    public synchronized Optional<ReplicaCheckResult> lastResult(String replicaName) {
        return Optional.ofNullable(this.lastResults.get(replicaName));
    }

    /** Each replica's last check, described, by name (empty before its first check). */
    public synchronized Map<String, String> describe() {
        Map<String, String> descriptions = new LinkedHashMap<>();
        this.states.forEach((name, state) -> {
            ReplicaCheckResult result = this.lastResults.get(name);
            descriptions.put(name, (state.isUp() ? "UP" : "DOWN")
                    + (result != null ? ", " + result.describe(this.maxLag) : ", not checked yet"));
        });
        return descriptions;
    }

    @Override
    public void start() {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(Math.max(1, this.states.size()),
                (task) -> Thread.ofPlatform().daemon().name("replica-health").unstarted(task));
        for (String name : this.states.keySet()) {
            executor.scheduleWithFixedDelay(() -> checkSafely(name), 0, this.interval.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
        this.scheduler = executor;
    }

    @Override
    public void stop() {
        ScheduledExecutorService executor = this.scheduler;
        if (executor != null) {
            executor.shutdownNow();
            this.scheduler = null;
        }
    }

    @Override
    public boolean isRunning() {
        return this.scheduler != null;
    }

}
