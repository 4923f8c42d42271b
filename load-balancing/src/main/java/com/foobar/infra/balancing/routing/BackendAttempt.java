package com.foobar.infra.balancing.routing;

import com.foobar.infra.balancing.metrics.BackendMetrics;
import com.foobar.infra.balancing.pool.Backend;
import com.foobar.infra.balancing.pool.BackendGroup;
import com.foobar.infra.balancing.pool.BackendGroupProperties.Ejection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatusCode;
import org.springframework.web.server.ServerWebExchange;

/**
 * One try of one backend by one request, accounted for exactly once however it ends (answered, failed, or given up
 * by the client): requests in flight, passive health, and the backend's metrics.
 */
final class BackendAttempt {

    private static final Logger logger = LoggerFactory.getLogger(BackendAttempt.class);

    private final BackendGroup group;

    private final Backend backend;

    private final BackendMetrics metrics;

    private final long start = System.nanoTime();

    private boolean done;

    BackendAttempt(BackendGroup group, Backend backend, BackendMetrics metrics) {
        this.group = group;
        this.backend = backend;
        this.metrics = metrics;
        backend.started();
    }

    /**
     * The backend answered; a {@code 5xx} counts against it, except {@code 501} and {@code 505}, which describe the
     * request (a method or version the backend does not implement), not the backend's health.
     */
    void answered(ServerWebExchange exchange) {
        HttpStatusCode status = exchange.getResponse().getStatusCode();
        int code = (status != null) ? status.value() : 502;
        if (finish(code >= 500 && code != 501 && code != 505)) {
            this.metrics.answered(this.group.name(), this.backend, code, System.nanoTime() - this.start);
        }
    }

    void failed(Failure failure) {
        if (finish(true)) {
            this.metrics.failed(this.group.name(), this.backend, failure.kind());
        }
    }

    /** The client gave up, or the failure was the client's own: it says nothing about the backend. */
    synchronized void cancelled() {
        if (!this.done) {
            this.done = true;
            this.backend.abandoned();
        }
    }

    private synchronized boolean finish(boolean failed) {
        if (this.done) {
            return false;
        }
        this.done = true;
        Ejection ejection = this.group.properties().ejection();
        if (this.backend.finished(failed, this.group)) {
            logger.warn("Backend {}/{} ejected for {} after {} errors in a row", this.group.name(),
                    this.backend.name(), ejection.coolDown(), ejection.consecutiveErrors());
            this.metrics.ejected(this.group.name(), this.backend);
        }
        return true;
    }
}
