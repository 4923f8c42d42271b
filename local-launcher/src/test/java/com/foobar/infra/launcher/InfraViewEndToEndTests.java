package com.foobar.infra.launcher;

import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

import com.foobar.infra.launcher.state.NodeRecord;
import com.foobar.infra.launcher.topology.TopologyPlan;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * The infrastructure view of a real topology, through the site's address as a browser reaches it: every node up,
 * then {@code app-2} killed with {@code kill -9} and shown down within 10 s. Its own topology (ports shifted by
 * 24000), since it kills a node.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InfraViewEndToEndTests {

    private static final TopologyPlan PLAN = new TopologyPlan(3, 2, 24_000);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    static Path home;

    static LocalTopology topology;

    static String site;

    static SiteClient client;

    @BeforeAll
    static void up() throws Exception {
        Path root = Path.of(System.getProperty("foobar.root", "..")).toAbsolutePath();
        topology = new LocalTopology(root, home, new PrintStream(System.out));
        site = topology.up(PLAN).url();
        client = new SiteClient(topology.caCertificate());
    }

    @AfterAll
    static void down() {
        if (topology != null) {
            topology.down();
        }
    }

    @Test
    @Order(1)
    void shouldServeThePageAndShowEveryNodeUp() throws Exception {
        HttpResponse<String> page = client.get(site + "infra");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"request-path\"");

        // The first poll of a web server just started is slow (its JIT and the client's classes are cold), and
        // the gateways spread these requests over all three: the time limit that matters is the kill's, below.
        Map<String, String> health = awaitHealth(Duration.ofSeconds(60), "every node up",
                (nodes) -> nodes.size() == 11 && nodes.values().stream().allMatch("up"::equals));

        assertThat(health).containsOnlyKeys("gateway-1", "gateway-2", "web-1", "web-2", "web-3", "app-1", "app-2",
                "app-3", "db-primary", "db-replica-1", "db-replica-2");
    }

    @Test
    @Order(2)
    void shouldShowAKilledApplicationServerDownWithinTenSeconds() throws Exception {
        NodeRecord app = topology.status().orElseThrow().nodes().stream()
            .map(TopologyStatus.NodeStatus::node)
            .filter((node) -> node.name().equals("app-2"))
            .findFirst()
            .orElseThrow();
        ProcessHandle process = ProcessHandle.of(app.pid()).orElseThrow();

        process.destroyForcibly();
        process.onExit().get();
        long killed = System.nanoTime();
        Map<String, String> health = awaitHealth(Duration.ofSeconds(10), "app-2 down",
                (nodes) -> "down".equals(nodes.get("app-2")));

        System.out.printf("app-2 shown down %d ms after kill -9%n", (System.nanoTime() - killed) / 1_000_000);
        assertThat(health).contains(entry("app-1", "up"), entry("app-3", "up"), entry("db-primary", "up"));
    }

    /** Asks {@code /infra/topology} until the nodes' health passes, and returns it; fails after {@code limit}. */
    private static Map<String, String> awaitHealth(Duration limit, String what,
            Predicate<Map<String, String>> passes) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        Map<String, String> health = Map.of();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = client.get(site + "infra/topology");
            assertThat(response.statusCode()).isEqualTo(200);
            health = new LinkedHashMap<>();
            for (JsonNode node : JSON.readTree(response.body()).path("nodes").values()) {
                health.put(node.path("name").asString(), node.path("health").asString());
            }
            if (passes.test(health)) {
                return health;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("Not " + what + " within " + limit + ": " + health);
    }

}
