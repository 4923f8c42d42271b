package com.foobar.infra.web.shutdown;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.web.server.context.WebServerGracefulShutdownLifecycle;
import org.springframework.context.ApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * On shutdown, reports the node as not ready and keeps serving for {@code foobar.shutdown.drain} before the web
 * server's graceful shutdown closes the listener: the gateways' health checks take the node out of rotation while it
 * still answers, so no request finds a closed port (what a Kubernetes {@code preStop} sleep does for a pod).
 *
 * <p>The drain should outlast the gateways' check interval times {@code fall}. It is zero unless set, so tests and a
 * plain {@code java -jar} stop at once; the launcher sets it for its nodes.
 */
@Component
public class DrainBeforeShutdown implements SmartLifecycle {

    private static final Logger logger = LoggerFactory.getLogger(DrainBeforeShutdown.class);

    private final ApplicationContext context;

    private final Duration drain;

    private volatile boolean running;

    public DrainBeforeShutdown(ApplicationContext context, @Value("${foobar.shutdown.drain:0s}") Duration drain) {
        this.context = context;
        this.drain = drain;
    }

    @Override
    public int getPhase() {
        // Stopped just before the graceful shutdown of the web server, which stops accepting connections.
        return WebServerGracefulShutdownLifecycle.SMART_LIFECYCLE_PHASE + 1;
    }

    @Override
    public void start() {
        this.running = true;
    }

    @Override
    public void stop() {
        this.running = false;
        if (this.drain.isZero()) {
            return;
        }
        AvailabilityChangeEvent.publish(this.context, ReadinessState.REFUSING_TRAFFIC);
        logger.info("Not ready any more; serving {} longer so the gateways take this node out of rotation",
                this.drain);
        try {
            Thread.sleep(this.drain);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return this.running;
    }
}
