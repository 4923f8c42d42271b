package com.foobar.infra.web.infra;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** The web server with the infrastructure view on, its nodes stand-ins on real ports. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "management.server.port=0")
class InfraEndpointTests {

    private static final ManagementStub gateway = new ManagementStub();

    private static final ManagementStub app = new ManagementStub();

    private final HttpClient client = HttpClient.newHttpClient();

    @LocalServerPort
    private int port;

    @DynamicPropertySource
    static void nodes(DynamicPropertyRegistry registry) {
        gateway.prometheus(new ScrapeText().requests("/api/posts", Map.of(0.01, 3)).toString());
        app.prometheus(new ScrapeText().replica("db-replica-1", 2, true).toString());
        app.health("{\"status\":\"UP\",\"components\":{\"db\":{\"status\":\"UP\"}}}");
        String[][] nodes = { { "gateway-1", "gateway", gateway.url().toString() },
                { "app-1", "app", app.url().toString() }, { "db-primary", "db-primary", "" },
                { "db-replica-1", "db-replica", "" } };
        for (int i = 0; i < nodes.length; i++) {
            registry.add("foobar.infra.nodes[" + i + "].name", nodes[i][0]::toString);
            registry.add("foobar.infra.nodes[" + i + "].role", nodes[i][1]::toString);
            if (!nodes[i][2].isEmpty()) {
                registry.add("foobar.infra.nodes[" + i + "].management", nodes[i][2]::toString);
            }
        }
    }

    @AfterAll
    static void stopStubs() {
        gateway.close();
        app.close();
    }

    @Test
    void shouldAnswerTheTopologyAsJsonWithEveryNodeAfterAPoll() throws Exception {
        HttpResponse<String> response = get("/infra/topology", "application/json");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        JsonNode view = JsonMapper.builder().build().readTree(response.body());
        assertThat(view.path("refreshMillis").asLong()).isEqualTo(1000);
        assertThat(view.path("generatedAt").isString()).isTrue();
        assertThat(view.path("nodes").values()).extracting((node) -> node.path("name").asString() + " "
                + node.path("role").asString() + " " + node.path("health").asString())
            .containsExactly("gateway-1 gateway up", "app-1 app up", "db-primary db-primary up",
                    "db-replica-1 db-replica up");
        JsonNode replica = view.path("nodes").path(3);
        assertThat(replica.path("lagSeconds").asDouble()).isEqualTo(2.0);
        assertThat(replica.has("rps") && replica.has("p99Millis")).isTrue();
    }

    @Test
    void shouldServeTheInfrastructurePageAtInfra() throws Exception {
        HttpResponse<String> response = get("/infra", "text/html");

        assertThat(get("/infra/", "text/html").body()).isEqualTo(response.body());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                (type) -> assertThat(type).startsWith("text/html"));
        assertThat(response.body()).contains("id=\"request-path\"", "/assets/infra.", ".js\"", ".css\"");
    }

    private HttpResponse<String> get(String path, String accept) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
            .header("Accept", accept)
            .build();
        return this.client.send(request, BodyHandlers.ofString());
    }

}
