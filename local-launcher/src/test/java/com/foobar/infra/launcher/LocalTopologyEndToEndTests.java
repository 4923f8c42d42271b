package com.foobar.infra.launcher;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.SocketException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.foobar.infra.launcher.tls.InternalCertificateAuthorities;
import com.foobar.infra.launcher.topology.Node;
import com.foobar.infra.launcher.topology.NodeRole;
import com.foobar.infra.launcher.topology.TopologyPlan;
import com.foobar.infra.mariadb.DatabaseCredentials;
import com.foobar.infra.mariadb.MariaDbServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole topology, started through the same code as {@code ./foobar up} (3 servers, 2 replicas, ports
 * shifted by {@code foobar.e2e.port-offset}, 11000 by default), exercised over HTTPS through the gateway as a
 * client would, and directly on the tiers behind it as an intruder would.
 */
class LocalTopologyEndToEndTests {

    @RegisterExtension
    static final RunningTopology running = new RunningTopology();

    private static final int PORT_OFFSET = RunningTopology.PORT_OFFSET;

    private static final TopologyPlan PLAN = RunningTopology.PLAN;

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");

    private static final Pattern ALERT_METRIC = Pattern
        .compile("\\b[a-z][a-z0-9_]*_(seconds_count|seconds_bucket|seconds|bytes|total|eligible)\\b");

    static Path home;

    @TempDir
    static Path elsewhere;

    static Path root = RunningTopology.ROOT;

    static LocalTopology topology;

    static SiteClient client;

    static String site;

    @BeforeAll
    static void up() throws Exception {
        home = running.home();
        topology = running.topology();
        site = running.site();
        client = new SiteClient(topology.caCertificate());
    }

    @Test
    void shouldServeTheInfrastructureViewWithEveryNodeUp() throws Exception {
        HttpResponse<String> page = client.get(site + "infra");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"request-path\"");

        // The first poll of a web server just started is slow (its JIT and its client are cold), and the gateways
        // spread these requests over all three: the time limit that matters is a kill's (LocalTopologyFailoverTests).
        Map<String, String> health = new InfraView(client, site).awaitHealth(Duration.ofSeconds(60), "every node up",
                (nodes) -> nodes.size() == 11 && nodes.values().stream().allMatch("up"::equals));

        assertThat(health).containsOnlyKeys("gateway-1", "gateway-2", "web-1", "web-2", "web-3", "app-1", "app-2",
                "app-3", "db-primary", "db-replica-1", "db-replica-2");
    }

    @Test
    void shouldBalanceRoundRobinOverTheWebServersThroughEveryTier() throws Exception {
        Map<String, Integer> perWebServer = new TreeMap<>();
        for (int i = 0; i < 30; i++) {
            HttpResponse<String> response = client.get(site + "api/posts");
            assertThat(response.statusCode()).isEqualTo(200);
            String servedBy = response.headers().firstValue("X-Served-By").orElseThrow();
            assertThat(servedBy).matches("gateway-[12], web-[1-3], app-[1-3]");
            perWebServer.merge(servedBy.split(", ")[1], 1, Integer::sum);
        }
        assertThat(perWebServer).isEqualTo(Map.of("web-1", 10, "web-2", 10, "web-3", 10));
    }

    @Test
    void shouldWriteOnThePrimaryAndReplicateToEveryReplica() throws Exception {
        String body = "hello from the end-to-end test " + Instant.now();
        HttpResponse<String> created = client.postJson(site + "api/posts", "{\"body\": \"" + body + "\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("X-DB-Node")).hasValue("db-primary");
        // The position of this write, for read-your-writes on whichever application server reads next.
        assertThat(created.headers().allValues("Set-Cookie")).anySatisfy(
                (cookie) -> assertThat(cookie).startsWith("foobar-gtid=").contains("HttpOnly").contains("Secure"));
        Matcher id = ID.matcher(created.body());
        assertThat(id.find()).as("id in %s", created.body()).isTrue();
        assertThat(created.headers().firstValue("Location")).hasValueSatisfying(
                (location) -> assertThat(location).endsWith("/api/posts/" + id.group(1)));
        for (Node replica : PLAN.nodes(NodeRole.DB_REPLICA)) {
            assertThat(awaitBodyOn(replica, Long.parseLong(id.group(1)))).as(replica.name()).isEqualTo(body);
        }
        HttpResponse<String> read = client.get(site + "api/posts/" + id.group(1));
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).contains(body);
    }

    @Test
    void shouldReadListsFromAReplica() throws Exception {
        HttpResponse<String> list = client.get(site + "api/posts?limit=5");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.headers().firstValue("X-DB-Node")).hasValueSatisfying(
                (node) -> assertThat(node).matches("db-replica-[12]"));
    }

    @Test
    void shouldAnswerInvalidJsonWithAProblem() throws Exception {
        HttpResponse<String> response = client.postJson(site + "api/posts", "{\"body\": ");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                (type) -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"status\":400").doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void shouldAnswerAnUnknownRouteWith404() throws Exception {
        assertThat(client.get(site + "api/no-such-thing").statusCode()).isEqualTo(404);
        assertThat(client.get(site + "no-such-page").statusCode()).isEqualTo(404);
    }

    @Test
    void shouldRedirectPlainHttpAndTheBareDomain() throws Exception {
        int https = PLAN.node("gateway-1").port("https");
        int http = PLAN.node("gateway-1").port("http");
        HttpResponse<String> plain = client.get("http://www.foobar.com:" + http + "/api/posts?limit=1");
        assertThat(plain.statusCode()).isEqualTo(301);
        assertThat(plain.headers().firstValue("Location"))
            .hasValue("https://www.foobar.com:" + https + "/api/posts?limit=1");
        HttpResponse<String> bare = client.get("https://foobar.com:" + https + "/about");
        assertThat(bare.statusCode()).isEqualTo(301);
        assertThat(bare.headers().firstValue("Location")).hasValue("https://www.foobar.com:" + https + "/about");
    }

    @Test
    void shouldExposeMetricsOnTheManagementPortsAndNeverThroughTheSite() throws Exception {
        for (int i = 0; i < 6; i++) {
            assertThat(client.get(site + "api/posts").statusCode()).isEqualTo(200);
        }
        assertThat(client.get(site + "actuator/prometheus").statusCode()).isEqualTo(404);
        Map<String, List<String>> expected = Map.of("app-1",
                List.of("http_server_requests_seconds_count", "foobar_router_connections_total",
                        "foobar_router_replica_lag_seconds", "hikaricp_connections_active"),
                "web-1", List.of("http_server_requests_seconds_count", "spring_cloud_gateway_requests_seconds_count"),
                "gateway-1", List.of("http_server_requests_seconds_count", "jvm_memory_used_bytes"));
        StringBuilder everyNode = new StringBuilder();
        for (Node node : PLAN.nodes()) {
            if (!node.role().isDatabase()) {
                everyNode.append(client
                    .get("http://127.0.0.1:" + node.port("management") + "/actuator/prometheus")
                    .body());
            }
        }
        for (Map.Entry<String, List<String>> node : expected.entrySet()) {
            String metrics = client
                .get("http://127.0.0.1:" + PLAN.node(node.getKey()).port("management") + "/actuator/prometheus")
                .body();
            assertThat(metrics).as(node.getKey()).contains(node.getValue());
        }
        // Every metric the shipped alert rules use exists somewhere, so no alert watches a name nobody exports.
        Matcher used = ALERT_METRIC.matcher(Files.readString(root.resolve("monitoring/prometheus/alerts.yml")));
        while (used.find()) {
            assertThat(everyNode.toString()).as("metric %s used in alerts.yml", used.group())
                .contains(used.group());
        }
    }

    @Test
    void shouldRefuseASecondUpWhileRunning() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = new FoobarCommandLine(new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8))
            .run(List.of("up", "--root", root.toString(), "--home", home.toString(), "--port-offset",
                    String.valueOf(PORT_OFFSET)));
        assertThat(exit).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("already running");
    }

    @Test
    void shouldReportEveryNodeHealthyInStatus() {
        TopologyStatus status = topology.status().orElseThrow();
        assertThat(status.nodes()).hasSize(PLAN.nodes().size());
        assertThat(status.allHealthy()).isTrue();
        assertThat(status.toJson()).contains("\"name\" : \"db-replica-2\"").contains("\"role\" : \"gateway\"");
    }

    @Test
    void shouldAdmitOnlyTheGatewayTierToAWebServer() throws Exception {
        InternalCertificateAuthorities tiers = new InternalCertificateAuthorities(home.resolve("tls"));
        int web1 = PLAN.node("web-1").port("http");
        Path webCa = tiers.caCertificate("web");

        HttpResponse<String> asGateway = new TierClient(webCa, tiers.certificate("gateway-1"))
            .get("https://127.0.0.1:" + web1 + "/api/posts?limit=1");
        assertThat(asGateway.statusCode()).isEqualTo(200);
        assertThat(asGateway.headers().firstValue("X-Served-By")).hasValue("web-1, app-1");
        assertRefused(new TierClient(webCa, null), web1, "certificate_required");
        // The web tier's TLS is BoringSSL, which answers a certificate its trust manager refuses with internal_error
        // where the JDK's (the application servers', below) says certificate_unknown: refused all the same.
        assertRefused(new TierClient(webCa, tiers.certificate("app-1")), web1, "internal_error");
        assertRefused(new TierClient(webCa, foreignCertificate("gateway", "gateway-1")), web1, "internal_error");
    }

    @Test
    void shouldAdmitOnlyTheWebTierToAnApplicationServer() throws Exception {
        InternalCertificateAuthorities tiers = new InternalCertificateAuthorities(home.resolve("tls"));
        int app1 = PLAN.node("app-1").port("http");
        Path appCa = tiers.caCertificate("app");

        HttpResponse<String> asWeb = new TierClient(appCa, tiers.certificate("web-2"))
            .get("https://127.0.0.1:" + app1 + "/api/posts?limit=1");
        assertThat(asWeb.statusCode()).isEqualTo(200);
        assertThat(asWeb.headers().firstValue("X-Served-By")).hasValue("app-1");
        assertRefused(new TierClient(appCa, null), app1, "certificate_required");
        assertRefused(new TierClient(appCa, tiers.certificate("gateway-1")), app1, "certificate_unknown");
        assertRefused(new TierClient(appCa, foreignCertificate("web", "web-1")), app1, "certificate_unknown");
    }

    @Test
    void shouldServeNoPlainHttpBehindTheGateway() {
        // Reactor Netty (web) drops the connection; Tomcat (app) answers 400 "requires TLS" before any routing.
        for (String node : List.of("web-1", "app-1")) {
            String plain = "http://127.0.0.1:" + PLAN.node(node).port("http") + "/api/posts?limit=1";
            assertThat(plainHttpStatus(plain)).as(node).isIn(-1, 400);
        }
    }

    /** The status a plain HTTP request gets, or -1 when the connection is closed without one. */
    private static int plainHttpStatus(String url) {
        try {
            return client.get(url).statusCode();
        }
        catch (Exception ex) {
            return -1;
        }
    }

    /** The handshake fails: with {@code alert} from the server, unless its close overtook the alert. */
    private static void assertRefused(TierClient caller, int port, String alert) throws Exception {
        assertThat(caller.refusal(port)).satisfiesAnyOf(
                (refusal) -> assertThat(refusal).hasMessageContaining(alert),
                (refusal) -> assertThat(refusal).isInstanceOf(SocketException.class));
    }

    /** A certificate for {@code node}, from a CA of the same name that is not the topology's. */
    private static Path foreignCertificate(String tier, String node) {
        InternalCertificateAuthorities foreign = new InternalCertificateAuthorities(elsewhere);
        foreign.ensureCertificates(Map.of(tier, List.of(node)));
        return foreign.certificate(node);
    }

    private static String awaitBodyOn(Node replica, long id) throws Exception {
        DatabaseCredentials credentials = topology.credentials();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        String url = MariaDbServer.jdbcUrl(replica.port("mysql"), credentials.database());
        while (true) {
            try (Connection connection = DriverManager.getConnection(url, credentials.appUser(),
                    credentials.appPassword());
                    PreparedStatement query = connection.prepareStatement("SELECT body FROM post WHERE id = ?")) {
                query.setLong(1, id);
                try (ResultSet rows = query.executeQuery()) {
                    if (rows.next()) {
                        return rows.getString(1);
                    }
                }
            }
            catch (SQLException ex) {
                if (Instant.now().isAfter(deadline)) {
                    throw ex;
                }
            }
            if (Instant.now().isAfter(deadline)) {
                return null;
            }
            Thread.sleep(50);
        }
    }

}
