package com.foobar.infra.web;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "management.server.port=0")
class WebServiceApplicationTests {

    private static final StubApplicationServer app = new StubApplicationServer();

    private final HttpClient client = HttpClient.newHttpClient();

    @LocalServerPort
    private int port;

    @LocalManagementPort
    private int managementPort;

    @DynamicPropertySource
    static void applicationServer(DynamicPropertyRegistry registry) {
        registry.add("FOOBAR_APP_URL", app::url);
    }

    @AfterAll
    static void stopApplicationServer() {
        app.close();
    }

    @Test
    void shouldServeStaticIndexWithCacheControl() throws Exception {
        HttpResponse<String> response = get("/", "text/html");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/html"));
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-cache");
        assertThat(response.headers().allValues("X-Served-By")).containsExactly("web-1");
        assertThat(response.body()).contains("<title>www.foobar.com</title>", "/assets/app.");
    }

    @Test
    void shouldForwardApiGetToApplicationServer() throws Exception {
        HttpResponse<String> response = get("/api/posts?limit=5", "application/json");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("[{\"id\":1,\"body\":\"hello from app-9\"}]");
        assertThat(response.headers().allValues("X-Served-By")).containsExactly("web-1, app-9");
        assertThat(app.requests()).contains("GET /api/posts?limit=5 ");
    }

    @Test
    void shouldForwardApiPostBodyToApplicationServer() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri(this.port, "/api/posts"))
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString("{\"body\":\"hi\"}"))
                .build();

        HttpResponse<String> response = this.client.send(request, BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers().firstValue("Location")).hasValue("/api/posts/2");
        assertThat(response.headers().allValues("X-Served-By")).containsExactly("web-1, app-9");
        assertThat(app.requests()).contains("POST /api/posts {\"body\":\"hi\"}");
    }

    @Test
    void shouldAnswerUnknownPathWithProblemJson() throws Exception {
        HttpResponse<String> response = get("/no-such-page", "application/json");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"status\":404", "\"instance\":\"/no-such-page\"")
                .doesNotContain("trace", "Exception");
    }

    @Test
    void shouldAnswerUnknownPageWithHtmlErrorPageForBrowsers() throws Exception {
        HttpResponse<String> response = get("/no-such-page", "text/html,application/xhtml+xml,*/*;q=0.8");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/html"));
        assertThat(response.body()).contains("Page not found").doesNotContain("Exception");
    }

    @Test
    void shouldKeepActuatorOffPublicPort() throws Exception {
        HttpResponse<String> publicResponse = get("/actuator/health", "application/json");
        HttpResponse<String> readiness = this.client.send(
                HttpRequest.newBuilder(uri(this.managementPort, "/actuator/health/readiness")).build(),
                BodyHandlers.ofString());

        assertThat(publicResponse.statusCode()).isEqualTo(404);
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body()).contains("\"status\":\"UP\"");
    }

    // The launcher's gateways connect from 127.0.0.1, so a client connecting from 127.0.0.2 plays anyone else.
    @Test
    void shouldPassTheGatewaysViewOfTheClientOnWithTheGatewayAppended() throws Exception {
        sendWithForwardedHeaders("127.0.0.1");

        assertThat(app.forwarded()).containsOnly(entry("x-forwarded-for", List.of("198.51.100.7, 127.0.0.1")),
                entry("x-forwarded-proto", List.of("https")), entry("x-forwarded-host", List.of("www.foobar.com")),
                entry("x-forwarded-port", List.of("443")));
    }

    @Test
    void shouldReplaceSpoofedForwardedHeadersFromAnyoneButTheGatewayTierWithItsOwnView() throws Exception {
        sendWithForwardedHeaders("127.0.0.2");

        assertThat(app.forwarded()).containsOnly(entry("x-forwarded-for", List.of("127.0.0.2")),
                entry("x-forwarded-proto", List.of("http")), entry("x-forwarded-host", List.of("127.0.0.1")),
                entry("x-forwarded-port", List.of(Integer.toString(this.port))));
    }

    private void sendWithForwardedHeaders(String from) throws Exception {
        HttpClient client = HttpClient.newBuilder().localAddress(InetAddress.ofLiteral(from)).build();
        HttpRequest request = HttpRequest.newBuilder(uri(this.port, "/api/posts"))
            .header("X-Forwarded-For", "198.51.100.7")
            .header("X-Forwarded-Proto", "https")
            .header("X-Forwarded-Host", "www.foobar.com")
            .header("X-Forwarded-Port", "443")
            .header("Forwarded", "for=198.51.100.7;proto=https;host=www.foobar.com")
            .build();
        assertThat(client.send(request, BodyHandlers.ofString()).statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> get(String path, String accept) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri(this.port, path)).header("Accept", accept).build();
        return this.client.send(request, BodyHandlers.ofString());
    }

    private static URI uri(int port, String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
