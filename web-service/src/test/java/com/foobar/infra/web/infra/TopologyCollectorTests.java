package com.foobar.infra.web.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.foobar.infra.web.infra.InfraProperties.Node;
import com.foobar.infra.web.infra.InfraProperties.Role;
import com.foobar.infra.web.infra.TopologyView.NodeView;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class TopologyCollectorTests {

    private final ManagementStub gateway = new ManagementStub();

    private final ManagementStub web = new ManagementStub();

    private final ManagementStub app = new ManagementStub();

    private final AtomicLong nanos = new AtomicLong();

    private final List<Node> nodes = List.of(new Node("gateway-1", Role.GATEWAY, this.gateway.url()),
            new Node("web-1", Role.WEB, this.web.url()), new Node("app-1", Role.APP, this.app.url()),
            new Node("app-2", Role.APP, closedPort()), new Node("db-primary", Role.DB_PRIMARY, null),
            new Node("db-replica-1", Role.DB_REPLICA, null), new Node("db-replica-2", Role.DB_REPLICA, null));

    @AfterEach
    void stopStubs() {
        List.of(this.gateway, this.web, this.app).forEach(ManagementStub::close);
    }

    @Test
    void shouldComputeRequestsPerSecondAndP99FromTheIncreaseBetweenPolls() {
        TopologyCollector collector = new TopologyCollector(properties(Duration.ofSeconds(1), Duration.ofSeconds(15)),
                InstantSource.fixed(Instant.EPOCH), this.nanos::get);
        this.gateway.prometheus(new ScrapeText().requests("/api/posts", Map.of(0.01, 10)).toString());
        this.app.prometheus(new ScrapeText().requests("/api/posts", Map.of(0.01, 40))
            .requests("/actuator/prometheus", Map.of(0.01, 1000))
            .toString());
        collector.poll().block();

        this.nanos.addAndGet(Duration.ofSeconds(1).toNanos());
        this.gateway.prometheus(new ScrapeText().requests("/api/posts", Map.of(0.01, 30)).toString());
        // 50 more site requests: 40 within 10 ms, 9 within 100 ms, 1 within 500 ms; the actuator's are left out.
        this.app.prometheus(new ScrapeText().requests("/api/posts", Map.of(0.01, 80, 0.1, 9, 0.5, 1))
            .requests("/actuator/prometheus", Map.of(0.01, 5000, 1.0, 100))
            .toString());
        TopologyView view = collector.poll().block();

        assertThat(node(view, "gateway-1")).isEqualTo(new NodeView("gateway-1", "gateway", "up", 20.0, 9.9, null));
        assertThat(node(view, "app-1")).isEqualTo(new NodeView("app-1", "app", "up", 50.0, 300.0, null));
    }

    @Test
    void shouldListANodeThatRefusesConnectionsOrIsNotReadyAsDown() {
        TopologyCollector collector = new TopologyCollector(properties(Duration.ofSeconds(1), Duration.ofSeconds(15)),
                InstantSource.fixed(Instant.EPOCH), this.nanos::get);
        this.web.readiness(503);

        TopologyView view = collector.poll().block();

        assertThat(view.nodes()).extracting(NodeView::name)
            .containsExactly("gateway-1", "web-1", "app-1", "app-2", "db-primary", "db-replica-1", "db-replica-2");
        assertThat(node(view, "app-2")).isEqualTo(new NodeView("app-2", "app", "down", null, null, null));
        assertThat(node(view, "web-1").health()).isEqualTo("down");
        assertThat(node(view, "gateway-1").health()).isEqualTo("up");
    }

    @Test
    void shouldShowANodeThatDoesNotAnswerInTimeDownFromTheSecondPollInARow() {
        TopologyCollector collector = new TopologyCollector(
                properties(Duration.ofSeconds(1), Duration.ofSeconds(15), Duration.ofSeconds(1)),
                InstantSource.fixed(Instant.EPOCH), this.nanos::get);
        assertThat(node(collector.poll().block(), "web-1").health()).isEqualTo("up");
        this.web.delay(2500);

        assertThat(node(collector.poll().block(), "web-1").health()).as("one slow answer").isEqualTo("up");
        assertThat(node(collector.poll().block(), "web-1").health()).as("two in a row").isEqualTo("down");
        this.web.delay(0);
    }

    @Test
    void shouldSeeTheDatabasesThroughTheApplicationServers() {
        TopologyCollector collector = new TopologyCollector(properties(Duration.ofSeconds(1), Duration.ofSeconds(15)),
                InstantSource.fixed(Instant.EPOCH), this.nanos::get);
        this.app.health("{\"status\":\"UP\",\"components\":{\"db\":{\"status\":\"UP\"}}}");
        this.app.prometheus(routerScrape(10, 100));
        collector.poll().block();
        this.nanos.addAndGet(Duration.ofSeconds(1).toNanos());
        this.app.prometheus(routerScrape(20, 130));

        TopologyView view = collector.poll().block();

        assertThat(node(view, "db-primary")).isEqualTo(new NodeView("db-primary", "db-primary", "up", 10.0, null, null));
        assertThat(this.app.requests("/actuator/health")).as("asked about the primary on the first poll of five")
            .isEqualTo(1);
        assertThat(node(view, "db-replica-1"))
            .isEqualTo(new NodeView("db-replica-1", "db-replica", "up", 30.0, null, 0.0));
        assertThat(node(view, "db-replica-2"))
            .isEqualTo(new NodeView("db-replica-2", "db-replica", "down", 0.0, null, 12.0));
    }

    @Test
    void shouldShowThePrimaryDownWhenNoApplicationServerReachesIt() {
        TopologyCollector collector = new TopologyCollector(properties(Duration.ofSeconds(1), Duration.ofSeconds(15)),
                InstantSource.fixed(Instant.EPOCH), this.nanos::get);
        this.app.health("{\"status\":\"DOWN\",\"components\":{\"db\":{\"status\":\"DOWN\"}}}");
        this.app.prometheus(new ScrapeText().replica("db-replica-1", Double.NaN, false).toString());

        TopologyView view = collector.poll().block();

        assertThat(node(view, "db-primary").health()).isEqualTo("down");
        assertThat(node(view, "db-replica-1")).isEqualTo(new NodeView("db-replica-1", "db-replica", "down", null,
                null, null));
        assertThat(node(view, "db-replica-2").health()).as("no application server reports it").isEqualTo("unknown");
    }

    @Test
    void shouldPollOnlyWhileWatchedAndStartAgainWhenWatchedAgain() {
        TopologyCollector collector = new TopologyCollector(
                properties(Duration.ofMillis(200), Duration.ofSeconds(1), Duration.ofSeconds(2)));

        assertThat(collector.isPolling()).isFalse();
        assertThat(this.gateway.requests()).isZero();
        TopologyView first = collector.watch().block();

        assertThat(node(first, "gateway-1").health()).as("the first watch waits for a poll").isEqualTo("up");
        await().atMost(Duration.ofSeconds(20)).until(() -> collector.polls() >= 3);
        await().atMost(Duration.ofSeconds(20)).until(() -> !collector.isPolling());
        int requestsWhenStopped = this.gateway.requests();
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
            .until(() -> this.gateway.requests() == requestsWhenStopped);

        long polls = collector.polls();
        collector.watch().block();
        assertThat(collector.isPolling()).isTrue();
        await().atMost(Duration.ofSeconds(20)).until(() -> collector.polls() >= polls + 3);
        collector.destroy();
    }

    /** An application server's router meters: replica 1 in rotation, replica 2 out (12 s behind), not used. */
    private static String routerScrape(int primaryConnections, int replicaOneConnections) {
        return new ScrapeText().connections("db-primary", "primary", primaryConnections)
            .connections("db-replica-1", "replica", replicaOneConnections)
            .connections("db-replica-2", "replica", 50)
            .replica("db-replica-1", 0, true)
            .replica("db-replica-2", 12, false)
            .toString();
    }

    /** Properties whose timeout only a dead or stalled node misses, even on a busy machine. */
    private InfraProperties properties(Duration pollInterval, Duration idleStop) {
        return properties(pollInterval, idleStop, Duration.ofSeconds(5));
    }

    private InfraProperties properties(Duration pollInterval, Duration idleStop, Duration timeout) {
        return new InfraProperties(true, pollInterval, idleStop, timeout, pollInterval.multipliedBy(3),
                pollInterval.multipliedBy(10), this.nodes);
    }

    private static NodeView node(TopologyView view, String name) {
        return view.nodes().stream().filter((node) -> node.name().equals(name)).findFirst().orElseThrow();
    }

    private static URI closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

}
