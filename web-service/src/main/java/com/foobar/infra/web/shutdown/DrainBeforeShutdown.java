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
 * On shutdown, keeps the web server accepting requests for {@code foobar.shutdown.drain} before its graceful
 * shutdown closes the listener, so the gateways take the node out of rotation while it still answers and no request
 * finds a closed port (what a Kubernetes {@code preStop} sleep does for a pod).
 *
 * <p>The gateways notice because the management server, and with it the readiness endpoint they check, closes as soon
 * as shutdown begins (Boot closes the management context first); readiness is also set to refusing traffic for
 * anything that reads it in process. The drain should outlast the gateways' check interval times {@code fall}. It is
 * zero unless set, so tests and a plain {@code java -jar} stop at once; the launcher sets it for its nodes.
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
