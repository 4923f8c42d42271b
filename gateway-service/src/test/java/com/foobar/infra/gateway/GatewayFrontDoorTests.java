package com.foobar.infra.gateway;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;

import com.foobar.infra.balancing.backend.BackendProcess;
import com.foobar.infra.balancing.backend.GroupsFile;
import com.foobar.infra.gateway.backend.GatewayClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The front door's refusals, each a problem detail: rate limit ({@code 429}), body and header size ({@code 413},
 * {@code 431}), backend timeout ({@code 504}) and address rules ({@code 403}), with forwarded headers from clients
 * never believed; and the security headers on every response. Each test connects from its own loopback address, so
 * the per-client rate limit of one test does not touch another.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "management.server.port=0",
        "foobar.gateway.http-redirect-port=0", "foobar.gateway.rate-limit.requests-per-second=1",
        "foobar.gateway.rate-limit.burst=5", "foobar.gateway.request-limits.max-body-size=1KB",
        "foobar.gateway.request-limits.max-header-size=4KB", "foobar.gateway.access.deny=127.0.2.66/32",
        "spring.cloud.gateway.server.webflux.routes[0].id=site",
        "spring.cloud.gateway.server.webflux.routes[0].uri=lb://site",
        "spring.cloud.gateway.server.webflux.routes[0].predicates[0]=Path=/**",
        "spring.cloud.gateway.server.webflux.routes[0].metadata.response-timeout=500" })
class GatewayFrontDoorTests extends GatewayWithBackendProcesses {

    private static final BackendProcess backend = BackendProcess.start("d-1");

    private static final Path configFile = GatewayTestFiles.temporaryFile("gateway", ".yml");

    @DynamicPropertySource
    static void groups(DynamicPropertyRegistry registry) {
        registry.add("foobar.balancing.config-file", configFile::toString);
        new GroupsFile().group("site", List.of(), List.of(backend)).writeTo(configFile);
    }

    @AfterAll
    static void stop() {
        backend.close();
    }

    @Test
    void shouldLimitRatePerClientWith429AndRetryAfterWhateverForwardedHeadersSay() throws Exception {
        GatewayClient client = clientFrom("127.0.2.1");
        for (int i = 0; i < 5; i++) {
            assertThat(client.get("/page").statusCode()).isEqualTo(200);
        }

        HttpResponse<String> limited = client.send(client.request("/page")
            .header("X-Forwarded-For", "198.51.100.7").header("Forwarded", "for=198.51.100.8").build());

        assertProblem(limited, 429);
        assertThat(limited.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(limited.headers().firstValue("Strict-Transport-Security")).isPresent();
        assertThat(clientFrom("127.0.2.2").get("/page").statusCode()).isEqualTo(200);
    }

    @Test
    void shouldRefuseDeclaredAndStreamedBodiesOverTheLimitWith413() throws Exception {
        GatewayClient client = clientFrom("127.0.2.3");
        String large = "x".repeat(2048);

        HttpResponse<String> declared = client.send(client.request("/posts").POST(BodyPublishers.ofString(large))
            .build());
        HttpResponse<String> streamed = client.send(client.request("/posts")
            .POST(BodyPublishers.fromPublisher(BodyPublishers.ofString(large))).build());

        assertProblem(declared, 413);
        assertProblem(streamed, 413);
        assertThat(client.send(client.request("/posts").POST(BodyPublishers.ofString("small")).build()).statusCode())
            .isEqualTo(200);
    }

    @Test
    void shouldRefuseOversizedHeaderFieldsWith431() throws Exception {
        GatewayClient client = clientFrom("127.0.2.4");

        HttpResponse<String> response = client.send(client.request("/page").header("X-Big", "y".repeat(5000)).build());

        assertProblem(response, 431);
    }

    @Test
    void shouldAnswer504WhenBackendIsTooSlow() throws Exception {
        GatewayClient client = clientFrom("127.0.2.5");
        backend.set("delay=1500");
        try {
            HttpResponse<String> response = client.get("/slow");

            assertProblem(response, 504);
            assertThat(response.body()).contains("did not answer in time");
        }
        finally {
            backend.set("delay=0");
        }
    }

    @Test
    void shouldRefuseDeniedAddressWith403EvenWhenItClaimsAnother() throws Exception {
        GatewayClient denied = clientFrom("127.0.2.66");

        HttpResponse<String> response = denied.send(denied.request("/page")
            .header("X-Forwarded-For", "127.0.0.1").build());

        assertProblem(response, 403);
        assertThat(clientFrom("127.0.2.67").get("/page").statusCode()).isEqualTo(200);
    }

    @Test
    void shouldTellTheWebTierTheRealClientAddressNotTheOneTheClientClaims() throws Exception {
        GatewayClient client = clientFrom("127.0.2.7");

        HttpResponse<String> response = client.send(client.request("/page")
            .header("X-Forwarded-For", "198.51.100.7").build());

        assertThat(response.headers().firstValue("X-Echo-Forwarded-For")).hasValue("127.0.2.7");
    }

    @Test
    void shouldAddSecurityHeadersToEveryResponse() throws Exception {
        HttpResponse<String> response = clientFrom("127.0.2.6").get("/page");

        assertThat(response.headers().firstValue("Strict-Transport-Security"))
            .hasValue("max-age=31536000; includeSubDomains");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("strict-origin-when-cross-origin");
    }

    private GatewayClient clientFrom(String address) throws UnknownHostException {
        return new GatewayClient(certificate.trustingContext(), this.httpsPort, InetAddress.getByName(address));
    }

    private static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"status\":" + status).doesNotContain("Exception", "trace", "127.0.0.1:");
    }
}
