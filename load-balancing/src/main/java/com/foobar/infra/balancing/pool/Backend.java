package com.foobar.infra.balancing.pool;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import com.foobar.infra.balancing.pool.BackendGroupProperties.Server;
import org.jspecify.annotations.Nullable;

/**
 * One server of a backend group and what this node knows of it: requests in flight, the verdict of the active
 * health checks, passive ejection after consecutive errors, and an operator's drain.
 *
 * <p>A backend is in rotation when it is {@link #isAvailable available}: checked up (or not checked), not ejected
 * and not drained. It starts up, as HAProxy assumes of a server until its first checks say otherwise.
 */
public final class Backend {

    private final Server server;

    private final AtomicInteger inFlight = new AtomicInteger();

    private final LongAdder requests = new LongAdder();

    private final LongAdder errors = new LongAdder();

    private final RequestRate rate = new RequestRate();

    private final AtomicInteger consecutiveErrors = new AtomicInteger();

    private volatile long ejectedUntilNanos = System.nanoTime();

    private volatile boolean checkedUp = true;

    private volatile boolean drained;

    // Only the health checker writes these, one check at a time.
    private int checksPassed;

    private int checksFailed;

    private volatile @Nullable String lastCheckFailure;

    Backend(Server server) {
        this.server = server;
    }

    public String name() {
        return this.server.name();
    }

    public URI uri() {
        return this.server.uri();
    }

    public int weight() {
        return this.server.weight();
    }

    public @Nullable URI healthUri() {
        return this.server.healthUri();
    }

    Server server() {
        return this.server;
    }

    /** Whether new requests may be sent here now. */
    public boolean isAvailable() {
        return this.checkedUp && !this.drained && !isEjected();
    }

    public boolean isEjected() {
        return System.nanoTime() - this.ejectedUntilNanos < 0;
    }

    public boolean isCheckedUp() {
        return this.checkedUp;
    }

    public boolean isDrained() {
        return this.drained;
    }

    /** Takes the backend out of rotation for new requests (or back in), leaving requests in flight to finish. */
    public void drain(boolean drain) {
        this.drained = drain;
    }

    public int inFlight() {
        return this.inFlight.get();
    }

    public long requests() {
        return this.requests.sum();
    }

    public long errors() {
        return this.errors.sum();
    }

    /** Requests per second over the last few seconds. */
    public double requestsPerSecond() {
        return this.rate.perSecond();
    }

    public @Nullable String lastCheckFailure() {
        return this.lastCheckFailure;
    }

    /** Marks the start of a request sent here; pair with {@link #finished}. */
    public void started() {
        this.inFlight.incrementAndGet();
        this.requests.increment();
        this.rate.record();
    }

    /** Marks the end of a request the client gave up on: neither a success nor a failure of this backend. */
    public void abandoned() {
        this.inFlight.decrementAndGet();
    }

    /**
     * Marks the end of a request sent here.
     *
     * @param failed whether it failed as passive health counts failures (connection, timeout, {@code 5xx})
     * @param group the group the request was balanced over, whose ejection rule and cap apply
     * @return {@code true} when this failure ejected the backend
     */
    public boolean finished(boolean failed, BackendGroup group) {
        this.inFlight.decrementAndGet();
        if (!failed) {
            this.consecutiveErrors.set(0);
            return false;
        }
        this.errors.increment();
        int limit = group.properties().ejection().consecutiveErrors();
        // Past the limit the count keeps growing while the group's cap refuses: the backend is ejected on its next
        // error once another one is back.
        if (limit > 0 && this.consecutiveErrors.incrementAndGet() >= limit && !isEjected() && group.eject(this)) {
            this.consecutiveErrors.set(0);
            return true;
        }
        return false;
    }

    /** Takes the backend out of rotation for the cool-down; only its group decides, under its cap. */
    void eject(Duration coolDown) {
        this.ejectedUntilNanos = System.nanoTime() + coolDown.toNanos();
    }

    /** Whether the backend would be in rotation were it not ejected: the candidates of a group in panic. */
    boolean isAvailableIgnoringEjection() {
        return this.checkedUp && !this.drained;
    }

    /**
     * Counts one active check and changes the verdict after {@code rise} passes or {@code fall} failures in a row.
     *
     * @param failure why the check failed, {@code null} when it passed
     * @return {@code true} when the verdict changed
     */
    public boolean checked(@Nullable String failure, BackendGroupProperties.HealthCheck rule) {
        if (failure == null) {
            this.checksFailed = 0;
            this.checksPassed++;
            if (!this.checkedUp && this.checksPassed >= rule.rise()) {
                this.checkedUp = true;
                this.lastCheckFailure = null;
                return true;
            }
            return false;
        }
        this.lastCheckFailure = failure;
        this.checksPassed = 0;
        this.checksFailed++;
        if (this.checkedUp && this.checksFailed >= rule.fall()) {
            this.checkedUp = false;
            return true;
        }
        return false;
    }

    /** A one-word state for logs and the stats page: {@code UP}, {@code DOWN}, {@code EJECTED} or {@code DRAIN}. */
    public String state() {
        if (!this.checkedUp) {
            return "DOWN";
        }
        if (this.drained) {
            return "DRAIN";
        }
        return isEjected() ? "EJECTED" : "UP";
    }
}
