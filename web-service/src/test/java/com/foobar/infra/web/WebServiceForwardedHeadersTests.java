package com.foobar.infra.web;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * The application server learns the client's address and scheme from the gateway tier's forwarded headers, and
 * only from there: the launcher's gateways connect from 127.0.0.1, so a client connecting from 127.0.0.2 plays anyone
 * else on the network.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "management.server.port=0")
class WebServiceForwardedHeadersTests {

    private static final StubApplicationServer app = new StubApplicationServer();

    @LocalServerPort
    private int port;

    @DynamicPropertySource
    static void applicationServer(DynamicPropertyRegistry registry) {
        registry.add("FOOBAR_APP_URL", app::url);
    }

    @AfterAll
    static void stopApplicationServer() {
        app.close();
    }

    @Test
    void shouldPassTheGatewaysViewOfTheClientOnWithTheGatewayAppended() throws Exception {
        send("127.0.0.1");

        assertThat(app.forwarded()).containsOnly(entry("x-forwarded-for", List.of("198.51.100.7, 127.0.0.1")),
                entry("x-forwarded-proto", List.of("https")), entry("x-forwarded-host", List.of("www.foobar.com")),
                entry("x-forwarded-port", List.of("443")));
    }

    @Test
    void shouldReplaceSpoofedHeadersFromAnyoneButTheGatewayTierWithItsOwnView() throws Exception {
        send("127.0.0.2");

        assertThat(app.forwarded()).containsOnly(entry("x-forwarded-for", List.of("127.0.0.2")),
                entry("x-forwarded-proto", List.of("http")), entry("x-forwarded-host", List.of("127.0.0.1")),
                entry("x-forwarded-port", List.of(Integer.toString(this.port))));
    }

    private void send(String from) throws Exception {
        HttpClient client = HttpClient.newBuilder().localAddress(InetAddress.ofLiteral(from)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/posts"))
            .header("X-Forwarded-For", "198.51.100.7")
            .header("X-Forwarded-Proto", "https")
            .header("X-Forwarded-Host", "www.foobar.com")
            .header("X-Forwarded-Port", "443")
            .header("Forwarded", "for=198.51.100.7;proto=https;host=www.foobar.com")
            .build();
        assertThat(client.send(request, BodyHandlers.ofString()).statusCode()).isEqualTo(200);
    }
}
