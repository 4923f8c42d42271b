package com.foobar.infra.gateway;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.foobar.infra.balancing.backend.BackendProcess;
import com.foobar.infra.balancing.backend.GroupsFile;
import com.foobar.infra.gateway.backend.GatewayClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.foobar.infra.gateway.backend.GatewayClient.servedBy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Each balancing algorithm, against three backends that are real processes, through a gateway whose groups come from
 * its configuration file: one route per algorithm ({@code /rr/**} goes to group {@code rr}, and so on).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "management.server.port=0",
        "foobar.gateway.http-redirect-port=0", "foobar.balancing.config-poll-interval=100ms",
        "foobar.gateway.rate-limit.enabled=false", "foobar.topology.headers-enabled=true",
        "management.endpoint.backends.access=unrestricted" })
@ExtendWith(OutputCaptureExtension.class)
class GatewayBalancingTests extends GatewayWithBackendProcesses {

    private static final String[] GROUPS = { "rr", "weighted", "least", "hash", "sticky" };

    private static final List<BackendProcess> backends = BackendProcess.startAll("b", 3);

    private static final Path configFile = GatewayTestFiles.temporaryFile("gateway", ".yml");

    @DynamicPropertySource
    static void groups(DynamicPropertyRegistry registry) {
        registry.add("foobar.balancing.config-file", configFile::toString);
        for (int i = 0; i < GROUPS.length; i++) {
            String route = "spring.cloud.gateway.server.webflux.routes[" + i + "].";
            int index = i;
            registry.add(route + "id", () -> GROUPS[index]);
            registry.add(route + "uri", () -> "lb://" + GROUPS[index]);
            registry.add(route + "predicates[0]", () -> "Path=/" + GROUPS[index] + "/**");
        }
        groups(backends).writeTo(configFile);
    }

    @AfterAll
    static void stop() {
        backends.forEach(BackendProcess::close);
    }

    @BeforeEach
    void restoreGroups() {
        groups(backends).writeTo(configFile);
        await().atMost(Duration.ofSeconds(5)).until(() -> backendNames("hash").size() == 3);
        backends.forEach((backend) -> backend.set("delay=0&status=200&ready=true"));
    }

    @Test
    void shouldSpreadRoundRobinEvenly(CapturedOutput output) {
        Map<String, Integer> counts = count(client(), "/rr/page", 300);

        assertThat(counts).containsOnly(Map.entry("b-1", 100), Map.entry("b-2", 100), Map.entry("b-3", 100));
        assertThat(output.getOut()).containsPattern("127\\.0\\.0\\.1 \"GET /rr/page\" 200 b-[123] \\d+\\.\\d ms");
    }

    @Test
    void shouldSpreadWeightedRoundRobinWithinFivePercentOfWeights() {
        Map<String, Integer> counts = count(client(), "/weighted/page", 1000);

        // Weights 5:3:2.
        assertThat(counts.get("b-1")).isBetween(475, 525);
        assertThat(counts.get("b-2")).isBetween(285, 315);
        assertThat(counts.get("b-3")).isBetween(190, 210);
    }

    @Test
    void shouldSendFewerRequestsToSlowBackendUnderLeastConnections() throws Exception {
        backends.get(1).set("delay=400");

        Map<String, Integer> leastConnections = countConcurrently("/least/page", 6, 10);
        Map<String, Integer> roundRobin = countConcurrently("/rr/page", 6, 10);

        assertThat(roundRobin.get("b-2")).isEqualTo(20);
        assertThat(leastConnections.getOrDefault("b-2", 0)).isLessThan(10);
        assertThat(leastConnections.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(60);
    }

    @Test
    void shouldKeepClientOnOneBackendAndMoveAboutAQuarterWhenFourthIsAdded() throws Exception {
        Map<String, String> before = backendPerClient(60);
        assertThat(before.values()).contains("b-1", "b-2", "b-3");

        try (BackendProcess fourth = BackendProcess.start("b-4")) {
            List<BackendProcess> four = new ArrayList<>(backends);
            four.add(fourth);
            groups(four).writeTo(configFile);
            await().atMost(Duration.ofSeconds(5)).until(() -> backendNames("hash").size() == 4);

            Map<String, String> after = backendPerClient(60);
            List<String> moved = before.keySet().stream().filter((c) -> !before.get(c).equals(after.get(c))).toList();
            assertThat(moved).allSatisfy((client) -> assertThat(after.get(client)).isEqualTo("b-4"));
            assertThat(moved.size()).isBetween(6, 27);
        }
    }

    @Test
    void shouldSetStickyCookieAndHonourItUntilTheBackendIsDrained() {
        GatewayClient client = client();
        HttpResponse<String> first = client.get("/sticky/page");
        String cookie = first.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).startsWith("SERVERID=").containsIgnoringCase("HttpOnly").contains("Secure", "SameSite=Lax")
            .doesNotContain("b-");
        String pinned = servedBy(first);
        String pair = cookie.substring(0, cookie.indexOf(';'));

        for (int i = 0; i < 10; i++) {
            HttpResponse<String> again = client.send(client.request("/sticky/page").header("Cookie", pair).build());
            assertThat(servedBy(again)).isEqualTo(pinned);
            assertThat(again.headers().firstValue("Set-Cookie")).isEmpty();
        }

        assertThat(GatewayTestFiles.post(this.managementPort, "/actuator/backends/sticky/" + pinned,
                "{\"state\":\"drain\"}")).isEqualTo(200);
        HttpResponse<String> moved = client.send(client.request("/sticky/page").header("Cookie", pair).build());
        assertThat(servedBy(moved)).isNotEqualTo(pinned);
        assertThat(moved.headers().firstValue("Set-Cookie")).isPresent();
        assertThat(GatewayTestFiles.post(this.managementPort, "/actuator/backends/sticky/" + pinned,
                "{\"state\":\"ready\"}")).isEqualTo(200);
        assertThat(GatewayTestFiles.post(this.managementPort, "/actuator/backends/sticky/b-9",
                "{\"state\":\"drain\"}")).isEqualTo(404);
        assertThat(GatewayTestFiles.post(this.managementPort, "/actuator/backends/sticky/" + pinned,
                "{\"state\":\"asleep\"}")).isEqualTo(400);
    }

    @Test
    void shouldExportPerBackendMetricsAndStats() {
        count(client(), "/rr/metrics", 30);

        String metrics = GatewayTestFiles.get(this.managementPort, "/actuator/prometheus");
        assertThat(metrics).contains("foobar_backend_requests_seconds_count{backend=\"b-1\",group=\"rr\","
                + "status=\"200\"}", "foobar_backend_up{backend=\"b-2\",group=\"least\"} 1.0",
                "foobar_backend_in_flight{backend=\"b-3\",group=\"hash\"}",
                "foobar_backend_requests_seconds_bucket{backend=\"b-1\",group=\"rr\"");
        String stats = GatewayTestFiles.get(this.managementPort, "/actuator/backends");
        assertThat(stats).contains("\"rr\":[{\"name\":\"b-1\"", "\"state\":\"UP\"", "\"weight\":5");
        assertThat(GatewayTestFiles.get(this.managementPort, "/actuator/stats")).contains("<table>", "b-3", "UP");
        assertThat(client().get("/actuator/stats").statusCode()).isEqualTo(404);
    }

    private static GroupsFile groups(List<BackendProcess> members) {
        List<String> checks = List.of("health-check:", "  interval: 200ms");
        return new GroupsFile().group("rr", checks, members)
            .group("weighted", List.of("algorithm: weighted-round-robin"), members, 5, 3, 2)
            .group("least", List.of("algorithm: least-connections"), members)
            .group("hash", List.of("algorithm: source-hash"), members)
            .group("sticky", List.of("sticky-cookie: SERVERID"), members);
    }

    private List<String> backendNames(String group) {
        String stats = GatewayTestFiles.get(this.managementPort, "/actuator/backends");
        String section = stats.substring(stats.indexOf("\"" + group + "\":"));
        section = section.substring(0, section.indexOf(']'));
        List<String> names = new ArrayList<>();
        for (String part : section.split("\"name\":\"")) {
            if (part.startsWith("b-")) {
                names.add(part.substring(0, part.indexOf('"')));
            }
        }
        return names;
    }

    private static Map<String, Integer> count(GatewayClient client, String path, int requests) {
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < requests; i++) {
            HttpResponse<String> response = client.get(path);
            assertThat(response.statusCode()).isEqualTo(200);
            counts.merge(servedBy(response), 1, Integer::sum);
        }
        return counts;
    }

    private Map<String, Integer> countConcurrently(String path, int workers, int each) throws Exception {
        Map<String, Integer> counts = new HashMap<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(workers)) {
            List<Future<Map<String, Integer>>> results = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                results.add(pool.submit(() -> count(client(), path, each)));
            }
            for (Future<Map<String, Integer>> result : results) {
                result.get().forEach((backend, n) -> counts.merge(backend, n, Integer::sum));
            }
        }
        return counts;
    }

    private Map<String, String> backendPerClient(int clients) throws UnknownHostException {
        Map<String, String> chosen = new HashMap<>();
        for (int i = 0; i < clients; i++) {
            InetAddress address = InetAddress.getByName("127.0.1." + (i + 10));
            GatewayClient client = new GatewayClient(certificate.trustingContext(), this.httpsPort, address);
            String first = servedBy(client.get("/hash/page"));
            assertThat(servedBy(client.get("/hash/page"))).isEqualTo(first);
            chosen.put(address.getHostAddress(), first);
        }
        return chosen;
    }
}
