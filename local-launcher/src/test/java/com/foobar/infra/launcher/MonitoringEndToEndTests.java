package com.foobar.infra.launcher;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.foobar.infra.launcher.monitoring.PromQl;
import com.foobar.infra.launcher.monitoring.PrometheusScrape;
import com.foobar.infra.launcher.monitoring.PrometheusServer;
import com.foobar.infra.launcher.topology.Node;
import com.foobar.infra.launcher.topology.NodeRole;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * What monitoring sees of the shared running topology ({@link RunningTopology}): one trace id in every tier's log
 * for one request, the metrics and labels each node exports after traffic, every metric the Grafana dashboard
 * queries, and a Prometheus started as {@code ./foobar up --monitoring} does, scraping every node.
 */
class MonitoringEndToEndTests {

    @RegisterExtension
    static final RunningTopology running = new RunningTopology();

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");

    private static final Pattern TRACE_ID = Pattern.compile("\\b([0-9a-f]{32})\\b");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    static SiteClient client;

    @BeforeAll
    static void traffic() throws Exception {
        client = new SiteClient(running.topology().caCertificate());
        for (int i = 0; i < 12; i++) {
            assertThat(client.get(running.site() + "api/posts?limit=3").statusCode()).isEqualTo(200);
            assertThat(client.get(running.site()).statusCode()).isEqualTo(200);
        }
        // One client keeps one connection, so one gateway; new clients (new connections) reach both of the pair.
        Set<String> gateways = new TreeSet<>();
        for (int i = 0; i < 100 && gateways.size() < 2; i++) {
            HttpResponse<String> response = new SiteClient(running.topology().caCertificate())
                .get(running.site() + "api/posts?limit=3");
            assertThat(response.statusCode()).isEqualTo(200);
            gateways.add(response.headers().firstValue("X-Served-By").orElseThrow().split(", ")[0]);
        }
        assertThat(gateways).containsExactly("gateway-1", "gateway-2");
    }

    @Test
    void shouldLogOneTraceIdOnEveryTierTheRequestCrossed() throws Exception {
        HttpResponse<String> created = client.postJson(running.site() + "api/posts", "{\"body\": \"traced\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        Matcher id = ID.matcher(created.body());
        assertThat(id.find()).isTrue();
        String path = "/api/posts/" + id.group(1);

        HttpResponse<String> read = client.get(running.site() + path.substring(1));

        assertThat(read.statusCode()).isEqualTo(200);
        List<String> servedBy = List.of(read.headers().firstValue("X-Served-By").orElseThrow().split(", "));
        assertThat(servedBy).hasSize(3);
        Set<String> traceIds = new TreeSet<>();
        for (String node : servedBy) {
            // The gateways write HAProxy's quoted request line (with client and backend), the other tiers a plain one.
            String request = node.startsWith("gateway-") ? "\"GET " + path + "\" 200 " : "GET " + path + " 200 ";
            String line = awaitLogLine(node, request);
            Matcher traceId = TRACE_ID.matcher(line);
            assertThat(traceId.find()).as("trace id in %s's line: %s", node, line).isTrue();
            traceIds.add(traceId.group(1));
        }
        assertThat(traceIds).as("trace ids of %s in %s", path, servedBy).hasSize(1);
    }

    @Test
    void shouldExportMetricsWithTheirLabelsOnEveryNode() throws Exception {
        for (Node node : serviceNodes()) {
            PrometheusScrape scrape = scrape(node);
            assertThat(scrape.has("http_server_requests_seconds_count",
                    Map.of("method", "GET", "uri", "*", "status", "200", "outcome", "SUCCESS")))
                .as(node.name())
                .isTrue();
            assertThat(scrape.has("http_server_requests_seconds_bucket", Map.of("le", "*", "status", "200")))
                .as(node.name())
                .isTrue();
            assertThat(scrape.has("jvm_memory_used_bytes", Map.of("area", "heap", "id", "*"))).as(node.name()).isTrue();
            assertThat(scrape.has("process_cpu_usage")).as(node.name()).isTrue();
            if (node.role() == NodeRole.APP) {
                assertThat(scrape.has("hikaricp_connections_active", Map.of("pool", "db-primary"))).isTrue();
                assertThat(scrape.has("hikaricp_connections_timeout_total", Map.of("pool", "db-primary"))).isTrue();
                assertThat(scrape.has("foobar_router_connections_total",
                        Map.of("node", "db-replica-1", "role", "replica")))
                    .isTrue();
                assertThat(scrape.has("foobar_router_replica_eligible", Map.of("node", "db-replica-2"))).isTrue();
                assertThat(scrape.has("foobar_router_replica_lag_seconds", Map.of("node", "db-replica-1"))).isTrue();
                assertThat(scrape.has("foobar_router_gtid_waits_total", Map.of("outcome", "*"))).isTrue();
            }
            if (node.role() != NodeRole.APP) {
                assertThat(scrape.has("spring_cloud_gateway_requests_seconds_count", Map.of("routeId", "*")))
                    .as(node.name())
                    .isTrue();
            }
        }
    }

    @Test
    void shouldExportEveryMetricTheDashboardQueries() throws Exception {
        List<PrometheusScrape> scrapes = new ArrayList<>();
        for (Node node : serviceNodes()) {
            scrapes.add(scrape(node));
        }
        List<String> expressions = dashboardExpressions();
        assertThat(expressions).hasSizeGreaterThan(8);
        for (String expression : expressions) {
            Set<String> names = PromQl.metricNames(expression);
            assertThat(names).as(expression).isNotEmpty();
            for (String name : names) {
                assertThat(scrapes).as("%s (in %s) on some node", name, expression)
                    .anyMatch((scrape) -> scrape.has(name));
            }
        }
    }

    @Test
    void shouldScrapeEveryNodeWithPrometheusAndAnswerTheDashboardsQueries() throws Exception {
        assumeThat(Files.isExecutable(Path.of("/usr/bin/prometheus")))
            .as("prometheus is not installed (apt-get install prometheus)")
            .isTrue();
        PrometheusServer prometheus = new PrometheusServer(RunningTopology.ROOT, running.home());
        prometheus.start(RunningTopology.PLAN);
        try {
            String url = PrometheusServer.url(RunningTopology.PLAN);
            JsonNode targets = awaitEveryTargetUp(url, serviceNodes().size());
            List<String> scraped = new ArrayList<>();
            targets.forEach((target) -> scraped.add(target.get("labels").get("node").asString()));
            assertThat(scraped).containsExactlyInAnyOrderElementsOf(
                    serviceNodes().stream().map(Node::name).toList());
            JsonNode eligible = query(url, "foobar_router_replica_eligible");
            assertThat(eligible.findValuesAsString("db_node")).contains("db-replica-1", "db-replica-2");
            assertThat(eligible.findValues("exported_node")).isEmpty();
            for (String expression : dashboardExpressions()) {
                query(url, expression.replace("$__rate_interval", "1m"));
            }
        }
        finally {
            assertThat(prometheus.stop()).isTrue();
        }
        assertThat(prometheus.stop()).isFalse();
    }

    private static List<Node> serviceNodes() {
        return RunningTopology.PLAN.nodes().stream().filter((node) -> !node.role().isDatabase()).toList();
    }

    private static PrometheusScrape scrape(Node node) throws Exception {
        return PrometheusScrape
            .parse(client.get("http://127.0.0.1:" + node.port("management") + "/actuator/prometheus").body());
    }

    private static List<String> dashboardExpressions() throws Exception {
        JsonNode dashboard = JSON.readTree(
                RunningTopology.ROOT.resolve("monitoring/grafana/dashboards/foobar-overview.json").toFile());
        return dashboard.findValuesAsString("expr");
    }

    /** The node's log line containing {@code text}; lines are written as requests complete, so it may lag a little. */
    private static String awaitLogLine(String node, String text) throws Exception {
        Path log = running.home().resolve("logs").resolve(node + ".log");
        Instant deadline = Instant.now().plusSeconds(10);
        while (true) {
            Optional<String> line = Files.readAllLines(log).stream().filter((each) -> each.contains(text)).findFirst();
            if (line.isPresent()) {
                return line.get();
            }
            assertThat(Instant.now()).as("a line with '%s' in %s", text, log).isBefore(deadline);
            Thread.sleep(100);
        }
    }

    private static JsonNode awaitEveryTargetUp(String url, int count) throws Exception {
        Instant deadline = Instant.now().plusSeconds(60);
        while (true) {
            JsonNode targets = get(url + "api/v1/targets?state=active").get("data").get("activeTargets");
            List<String> health = targets.findValuesAsString("health");
            if (health.size() == count && health.stream().allMatch("up"::equals)) {
                return targets;
            }
            assertThat(Instant.now()).as("every target up: %s", health).isBefore(deadline);
            Thread.sleep(500);
        }
    }

    private static JsonNode query(String url, String expression) throws Exception {
        JsonNode answer = get(url + "api/v1/query?query=" + URLEncoder.encode(expression, StandardCharsets.UTF_8));
        assertThat(answer.get("status").asString()).as("%s: %s", expression, answer).isEqualTo("success");
        return answer.get("data").get("result");
    }

    private static JsonNode get(String url) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }

}
