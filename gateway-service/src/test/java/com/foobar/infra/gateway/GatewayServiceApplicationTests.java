package com.foobar.infra.gateway;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;

import com.foobar.infra.balancing.backend.BackendProcess;
import com.foobar.infra.gateway.redirect.HttpsRedirectServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = { "management.server.port=0", "foobar.gateway.http-redirect-port=0" })
class GatewayServiceApplicationTests extends GatewayWithBackendProcesses {

    private static final List<BackendProcess> webServers = BackendProcess.startAll("web", 3);

    private final HttpClient client = HttpClient.newBuilder().sslContext(certificate.trustingContext()).build();

    @Autowired
    private HttpsRedirectServer redirectServer;

    @DynamicPropertySource
    static void topology(DynamicPropertyRegistry registry) {
        for (int i = 0; i < webServers.size(); i++) {
            BackendProcess webServer = webServers.get(i);
            registry.add("foobar.balancing.groups.web-service.backends[" + i + "].name", webServer::name);
            registry.add("foobar.balancing.groups.web-service.backends[" + i + "].uri", webServer::uri);
        }
    }

    @AfterAll
    static void stopWebServers() {
        webServers.forEach(BackendProcess::close);
    }

    @Test
    void shouldBalanceStrictRoundRobinOverEveryWebServer() throws Exception {
        List<Integer> before = webServers.stream().map(BackendProcess::served).toList();
        Map<String, Integer> servedBy = new HashMap<>();

        for (int i = 0; i < 30; i++) {
            HttpResponse<String> response = send(request("/").header("Host", "www.foobar.com"));
            assertThat(response.statusCode()).isEqualTo(200);
            servedBy.merge(response.headers().firstValue("X-Served-By").orElseThrow(), 1, Integer::sum);
        }

        assertThat(servedBy).containsOnly(Map.entry("gateway-1, web-1", 10), Map.entry("gateway-1, web-2", 10),
                Map.entry("gateway-1, web-3", 10));
        for (int i = 0; i < webServers.size(); i++) {
            assertThat(webServers.get(i).served() - before.get(i)).isEqualTo(10);
        }
    }

    @Test
    void shouldServeHttp2OverTls() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + this.httpsPort + "/")).build();

        HttpResponse<String> response = this.client.send(request, BodyHandlers.ofString());

        assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_2);
        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void shouldRedirectPlainHttpToCanonicalHttpsAddress() throws Exception {
        URI plain = URI.create("http://127.0.0.1:" + this.redirectServer.port() + "/api/posts?limit=2");

        HttpResponse<String> response = this.client.send(HttpRequest.newBuilder(plain).build(), BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(301);
        assertThat(response.headers().firstValue("Location"))
                .hasValue("https://www.foobar.com:" + this.httpsPort + "/api/posts?limit=2");
    }

    @Test
    void shouldRedirectOtherMethodsWith308SoAPostStaysAPost() throws Exception {
        URI plain = URI.create("http://127.0.0.1:" + this.redirectServer.port() + "/api/posts");

        HttpResponse<String> response = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()
            .send(HttpRequest.newBuilder(plain).POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                    BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(308);
        assertThat(response.headers().firstValue("Location"))
                .hasValue("https://www.foobar.com:" + this.httpsPort + "/api/posts");
    }

    @Test
    void shouldRedirectBareDomainToCanonicalHost() throws Exception {
        HttpResponse<String> response = send(request("/about?tab=2").header("Host", "foobar.com:" + this.httpsPort));

        assertThat(response.statusCode()).isEqualTo(301);
        assertThat(response.headers().firstValue("Location"))
                .hasValue("https://www.foobar.com:" + this.httpsPort + "/about?tab=2");
    }

    @Test
    void shouldRefuseUnknownHostWithProblemJson() throws Exception {
        HttpResponse<String> response = send(request("/").header("Host", "intranet.example"));

        assertThat(response.statusCode()).isEqualTo(421);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"status\":421").doesNotContain("trace", "Exception");
    }

    @ParameterizedTest
    @ValueSource(strings = { "TLSv1", "TLSv1.1" })
    void shouldRefuseLegacyTlsHandshake(String protocol) throws IOException {
        try (SSLSocket socket = tlsSocket(protocol)) {
            assertThatExceptionOfType(SSLHandshakeException.class).isThrownBy(socket::startHandshake)
                    .withMessageContaining("protocol_version");
        }
    }

    @Test
    void shouldAcceptTls12Handshake() throws IOException {
        try (SSLSocket socket = tlsSocket("TLSv1.2")) {
            socket.startHandshake();

            assertThat(socket.getSession().getProtocol()).isEqualTo("TLSv1.2");
        }
    }

    @Test
    void shouldKeepActuatorOffPublicPort() throws Exception {
        HttpResponse<String> publicResponse = send(request("/actuator/health"));
        HttpResponse<String> readiness = this.client.send(HttpRequest
                .newBuilder(URI.create("http://127.0.0.1:" + this.managementPort + "/actuator/health/readiness"))
                .build(), BodyHandlers.ofString());

        // The web tier answered the path, as any other: the gateway's own actuator is not on this port.
        assertThat(publicResponse.body()).matches("web-[1-3]");
        assertThat(publicResponse.headers().firstValue("X-Served-By")).hasValueSatisfying(
                servedBy -> assertThat(servedBy).startsWith("gateway-1, web-"));
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body()).contains("\"status\":\"UP\"");
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + this.httpsPort + path))
                .version(HttpClient.Version.HTTP_1_1);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return this.client.send(request.build(), BodyHandlers.ofString());
    }

    private SSLSocket tlsSocket(String protocol) throws IOException {
        SSLSocket socket = (SSLSocket) certificate.trustingContext()
                .getSocketFactory()
                .createSocket("127.0.0.1", this.httpsPort);
        socket.setEnabledProtocols(new String[] { protocol });
        return socket;
    }
}
