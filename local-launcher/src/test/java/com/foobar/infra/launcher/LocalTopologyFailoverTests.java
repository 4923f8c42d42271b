package com.foobar.infra.launcher;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.foobar.infra.launcher.topology.GatewayConfigFile;
import com.foobar.infra.launcher.topology.TopologyPlan;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The topology under load while its parts change: the gateways' configuration is edited, a web server is stopped,
 * a gateway of the pair is killed, an application server is killed. Its own topology (ports shifted by 15000), since
 * the tests take nodes away, in that order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalTopologyFailoverTests {

    private static final TopologyPlan PLAN = new TopologyPlan(3, 1, 15_000);

    @TempDir
    static Path home;

    static LocalTopology topology;

    static String site;

    @BeforeAll
    static void up() {
        Path root = Path.of(System.getProperty("foobar.root", "..")).toAbsolutePath();
        topology = new LocalTopology(root, home, new PrintStream(System.out));
        site = topology.up(PLAN).url();
    }

    @AfterAll
    static void down() {
        if (topology != null) {
            topology.down();
        }
    }

    @Test
    @Order(1)
    void shouldStopSendingToAWebServerRemovedFromTheGatewayConfigurationWithoutRestart() throws Exception {
        Path config = home.resolve(GatewayConfigFile.NAME);
        String full = Files.readString(config);
        String withoutWebThree = full.substring(0, full.indexOf("          - name: web-3"));
        Files.writeString(config, withoutWebThree);
        try {
            awaitBothGatewaysList("web-3", false);
            try (Load load = new Load(4, false)) {
                load.awaitAnswers(60);
                assertThat(load.servedBy()).contains("web-1", "web-2").doesNotContain("web-3");
                assertThat(load.failures()).isEmpty();
            }
        }
        finally {
            Files.writeString(config, full);
        }
        awaitBothGatewaysList("web-3", true);
        try (Load load = new Load(4, false)) {
            load.awaitAnswers(60);
            assertThat(load.servedBy()).contains("web-3");
        }
    }

    @Test
    @Order(2)
    void shouldLetAWebServerStopWithoutFailingARequestNotEvenAWrite() throws Exception {
        ProcessHandle webTwo = NodeProcesses.of(topology, "web-2");
        try (Load load = new Load(4, true)) {
            load.awaitAnswers(20);
            webTwo.destroy();
            assertThat(webTwo.onExit().get().isAlive()).isFalse();
            load.clearServedBy();
            load.awaitAnswers(40);

            assertThat(load.failures()).isEmpty();
            assertThat(load.servedBy()).isNotEmpty().doesNotContain("web-2");
        }
    }

    @Test
    @Order(3)
    void shouldKeepTheSiteUpWhenOneGatewayOfThePairIsKilledUnderLoad() throws Exception {
        try (Load load = new Load(12, false)) {
            load.awaitAnswers(100);
            assertThat(load.servedBy()).as("both gateways serve").contains("gateway-1", "gateway-2");

            NodeProcesses.kill(topology, "gateway-2");
            load.clearServedBy();
            load.awaitAnswers(200);
            int failedAfterKill = load.failures().size();
            load.awaitAnswers(200);

            // A client loses the requests in flight on its connection to the killed gateway, and at most one
            // connection that was waiting in that gateway's accept queue; after that, nothing fails.
            assertThat(load.failures()).hasSize(failedAfterKill).hasSizeLessThanOrEqualTo(2 * 12);
            assertThat(load.servedBy()).contains("gateway-1").doesNotContain("gateway-2");
        }
    }

    @Test
    @Order(4)
    void shouldMoveReadsToAnotherApplicationServerWhenOneIsKilledAndShowItDownWithinTenSeconds() throws Exception {
        InfraView view = new InfraView(new SiteClient(topology.caCertificate()), site);
        view.awaitHealth(Duration.ofSeconds(60), "app-1 up", (nodes) -> "up".equals(nodes.get("app-1")));
        try (Load load = new Load(4, false)) {
            load.awaitAnswers(50);
            assertThat(load.servedBy()).as("web-1 forwards to its own app-1").contains("web-1", "app-1");

            NodeProcesses.kill(topology, "app-1");
            long killed = System.nanoTime();
            Map<String, String> health = view.awaitHealth(Duration.ofSeconds(10), "app-1 down",
                    (nodes) -> "down".equals(nodes.get("app-1")));
            System.out.printf("app-1 shown down on /infra %d ms after kill -9%n",
                    (System.nanoTime() - killed) / 1_000_000);
            load.clearServedBy();
            load.awaitAnswers(100);

            // A read in flight on the killed server, or sent to it before web-1 took it out, went to a backup.
            assertThat(load.failures()).isEmpty();
            assertThat(load.servedBy()).contains("web-1").doesNotContain("app-1");
            assertThat(health).containsEntry("app-3", "up").containsEntry("db-primary", "up");
        }
    }

    /** Polls both gateways' {@code backends} endpoint until they list the web server, or no longer do. */
    private static void awaitBothGatewaysList(String webServer, boolean listed) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (String gateway : List.of("gateway-1", "gateway-2")) {
            URI backends = URI.create("http://127.0.0.1:" + PLAN.node(gateway).port("management")
                    + "/actuator/backends");
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (http.send(HttpRequest.newBuilder(backends).build(), BodyHandlers.ofString()).body()
                .contains("\"name\":\"" + webServer + "\"") != listed) {
                assertThat(System.nanoTime()).as("%s reloaded its configuration", gateway).isLessThan(deadline);
                Thread.sleep(100);
            }
        }
    }

    /**
     * Clients sending {@code GET /api/posts} (or, for writes, {@code POST /api/posts}) in a loop, each over its own
     * connections, until closed.
     */
    private static final class Load implements AutoCloseable {

        private final AtomicBoolean running = new AtomicBoolean(true);

        private final List<Thread> workers = new ArrayList<>();

        private final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();

        private final Set<String> servedBy = ConcurrentHashMap.newKeySet();

        private final boolean writes;

        private final AtomicInteger answers = new AtomicInteger();

        Load(int clients, boolean writes) throws Exception {
            this.writes = writes;
            for (int i = 0; i < clients; i++) {
                SiteClient client = new SiteClient(topology.caCertificate());
                String name = "client-" + i;
                this.workers.add(Thread.ofVirtual().start(() -> {
                    while (this.running.get()) {
                        request(name, client);
                    }
                }));
            }
        }

        /** Waits until {@code count} more requests were answered, whatever the answer. */
        void awaitAnswers(int count) throws InterruptedException {
            int target = this.answers.get() + count;
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (this.answers.get() < target && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(this.answers.get()).as("requests answered").isGreaterThanOrEqualTo(target);
        }

        private void request(String name, SiteClient client) {
            try {
                HttpResponse<String> response = this.writes
                        ? client.postJson(site + "api/posts", "{\"body\": \"written while a web server stops\"}")
                        : client.get(site + "api/posts");
                if (response.statusCode() != (this.writes ? 201 : 200)) {
                    this.failures.add(name + ": HTTP " + response.statusCode() + " " + response.body());
                }
                for (String node : response.headers().firstValue("X-Served-By").orElse("").split(", ")) {
                    this.servedBy.add(node);
                }
            }
            catch (Exception ex) {
                this.failures.add(name + ": " + ex);
            }
            this.answers.incrementAndGet();
        }

        List<String> failures() {
            return List.copyOf(this.failures);
        }

        Set<String> servedBy() {
            return Set.copyOf(this.servedBy);
        }

        void clearServedBy() {
            this.servedBy.clear();
        }

        @Override
        public void close() throws InterruptedException {
            this.running.set(false);
            for (Thread worker : this.workers) {
                worker.join(Duration.ofSeconds(30));
            }
        }
    }
}
