package com.foobar.infra.web.infra;

import java.time.Duration;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import org.springframework.beans.factory.DisposableBean;

import com.foobar.infra.web.infra.InfraProperties.Node;
import com.foobar.infra.web.infra.NodeReading.Readiness;

/**
 * Polls every service node's management endpoints while someone watches the topology, and keeps the view built
 * from the last poll.
 *
 * <p>Nothing is polled until the first {@link #watch()}; polling then goes on every {@code poll-interval} until
 * {@code idle-stop} passes without one, so web servers nobody looks at do not scrape the whole topology. Each poll
 * reads all nodes at once and never fails: a node that refuses, or does not answer twice in a row, is down.
 */
public class TopologyCollector implements DisposableBean {

    private static final Logger logger = LoggerFactory.getLogger(TopologyCollector.class);

    private static final int MISSES_FOR_DOWN = 2;

    // The application servers' db health check runs a query on the primary: asked every poll by every watching web
    // server, it would be a good part of an idle primary's connections per second.
    private static final int PRIMARY_CHECK_EVERY = 5;

    private final InfraProperties properties;

    private final ManagementClient client;

    private final ViewAssembler assembler;

    private final InstantSource clock;

    private final LongSupplier nanoTime;

    private final List<Node> services;

    private final Map<String, NodeReading> readings = new LinkedHashMap<>();

    private final Map<String, CounterHistory> histories = new LinkedHashMap<>();

    private final Map<String, Integer> misses = new HashMap<>();

    private TopologyView view;

    private long lastWatched;

    private @Nullable Disposable polling;

    private Mono<TopologyView> firstPoll = Mono.empty();

    private long polls;

    public TopologyCollector(InfraProperties properties) {
        this(properties, InstantSource.system(), System::nanoTime);
    }

    TopologyCollector(InfraProperties properties, InstantSource clock, LongSupplier nanoTime) {
        this.properties = properties;
        this.client = new ManagementClient(properties.timeout());
        this.assembler = new ViewAssembler(properties);
        this.clock = clock;
        this.nanoTime = nanoTime;
        this.services = properties.nodes().stream().filter((node) -> !node.role().isDatabase()).toList();
        Duration keep = max(properties.rateWindow(), properties.latencyWindow());
        this.services.forEach((node) -> this.histories.put(node.name(), new CounterHistory(keep)));
        this.view = this.assembler.assemble(clock.instant(), this.readings, this.histories);
    }

    /**
     * Notes that someone watches, starting the polls if they had stopped; the view once the first poll since
     * they started has ended, then the latest one at once.
     */
    public synchronized Mono<TopologyView> watch() {
        this.lastWatched = this.nanoTime.getAsLong();
        if (this.polling == null) {
            logger.info("Polling {} nodes every {} while the topology is watched", this.services.size(),
                    this.properties.pollInterval());
            Sinks.One<TopologyView> first = Sinks.one();
            this.firstPoll = first.asMono();
            this.polling = Flux.interval(Duration.ZERO, this.properties.pollInterval())
                .onBackpressureDrop()
                .takeWhile((tick) -> isWatched())
                .concatMap((tick) -> poll(), 0)
                .subscribe(first::tryEmitValue, this::pollingFailed);
        }
        // A poll ends within about the timeout; should the first one not (a cold JVM), the page gets the nodes as
        // unknown and asks again.
        Duration firstPollDeadline = this.properties.timeout().multipliedBy(5);
        return this.firstPoll.map((first) -> currentView())
            .timeout(firstPollDeadline, Mono.fromSupplier(this::currentView));
    }

    /** Whether polls are running. */
    public synchronized boolean isPolling() {
        return this.polling != null;
    }

    /** How many polls of all nodes have ended since this collector was made. */
    synchronized long polls() {
        return this.polls;
    }

    /** Reads every service node once and records what they said. */
    Mono<TopologyView> poll() {
        boolean withPrimary = polls() % PRIMARY_CHECK_EVERY == 0;
        return Flux.fromIterable(this.services)
            .flatMap((node) -> this.client.read(node, withPrimary)
                // A backstop only: Netty's timeouts end each request well before this.
                .timeout(this.properties.timeout().multipliedBy(4),
                        Mono.fromSupplier(() -> new NodeReading(Readiness.NO_ANSWER, null, null)))
                .map((reading) -> Map.entry(node.name(), reading)))
            .collectMap(Map.Entry::getKey, Map.Entry::getValue)
            .map(this::record);
    }

    private synchronized TopologyView record(Map<String, NodeReading> polled) {
        long now = this.nanoTime.getAsLong();
        polled.forEach((name, answer) -> {
            NodeReading reading = primaryKept(name, heldThroughOneMiss(name, answer));
            this.readings.put(name, reading);
            if (reading.metrics() != null) {
                this.histories.get(name).add(now, ServiceMetrics.counters(reading.metrics()));
            }
        });
        this.polls++;
        this.view = this.assembler.assemble(this.clock.instant(), this.readings, this.histories);
        return this.view;
    }

    /**
     * A node that does not answer in time keeps the readiness it had for one poll, and is not ready from the second
     * in a row: a busy node is not flagged down for one slow answer, a dead one is within two polls (one that
     * refuses connections at once).
     */
    private NodeReading heldThroughOneMiss(String name, NodeReading answer) {
        if (answer.readiness() != Readiness.NO_ANSWER) {
            this.misses.remove(name);
            return answer;
        }
        int misses = this.misses.merge(name, 1, Integer::sum);
        NodeReading previous = this.readings.get(name);
        Readiness held = (misses >= MISSES_FOR_DOWN) ? Readiness.NOT_READY
                : (previous != null) ? previous.readiness() : Readiness.NO_ANSWER;
        return new NodeReading(held, answer.metrics(), answer.primaryStatus());
    }

    /** An application server that answered but was not asked about the primary keeps what it said last. */
    private NodeReading primaryKept(String name, NodeReading reading) {
        NodeReading previous = this.readings.get(name);
        if (reading.primaryStatus() != null || reading.readiness() != Readiness.READY || previous == null) {
            return reading;
        }
        return new NodeReading(reading.readiness(), reading.metrics(), previous.primaryStatus());
    }

    private synchronized TopologyView currentView() {
        return this.view;
    }

    /** Called on each tick: whether to poll again; when not, the polls stop and the next watch restarts them. */
    private synchronized boolean isWatched() {
        if (this.nanoTime.getAsLong() - this.lastWatched <= this.properties.idleStop().toNanos()) {
            return true;
        }
        logger.info("Nobody watched the topology for {}: polling stopped", this.properties.idleStop());
        this.polling = null;
        return false;
    }

    /** A poll that fails ends the polls; the next watch restarts them, so the view never freezes. */
    private synchronized void pollingFailed(Throwable ex) {
        logger.warn("Polling the topology failed; the next request for it starts again", ex);
        this.polling = null;
    }

    @Override
    public synchronized void destroy() {
        if (this.polling != null) {
            this.polling.dispose();
            this.polling = null;
        }
        this.client.close();
    }

    private static Duration max(Duration a, Duration b) {
        return (a.compareTo(b) >= 0) ? a : b;
    }

}
