package com.foobar.infra.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = { "management.server.port=0", "foobar.gateway.http-redirect-port=0" })
class GatewayServiceBackendDownTests extends GatewayWithBackendProcesses {

    @DynamicPropertySource
    static void deadBackend(DynamicPropertyRegistry registry) {
        registry.add("foobar.balancing.groups.web-service.backends[0].name", () -> "web-1");
        registry.add("foobar.balancing.groups.web-service.backends[0].uri", () -> "http://127.0.0.1:" + closedPort());
    }

    @Test
    void shouldAnswerBadGatewayProblemWhenWebServerIsDown() throws Exception {
        HttpClient client = HttpClient.newBuilder().sslContext(certificate.trustingContext()).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + this.httpsPort + "/")).build();

        HttpResponse<String> response = client.send(request, BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.headers().firstValue("X-Served-By")).hasValue("gateway-1");
        assertThat(response.body()).contains("\"status\":502").doesNotContain("trace", "Exception", "127.0.0.1");
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
