package com.foobar.infra.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import javax.net.ssl.SSLSocket;

import com.foobar.infra.balancing.backend.BackendProcess;
import com.foobar.infra.balancing.backend.GroupsFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests the HTTP specification says to refuse, and malformed request targets, each answered by the gateway
 * itself with a problem detail and never passed on to a web server (where a {@code 5xx} they caused would count
 * toward ejecting it). Sent as raw bytes over TLS, since HTTP clients refuse to send most of them.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "management.server.port=0",
        "foobar.gateway.http-redirect-port=0", "spring.cloud.gateway.server.webflux.routes[0].id=site",
        "spring.cloud.gateway.server.webflux.routes[0].uri=lb://site",
        "spring.cloud.gateway.server.webflux.routes[0].predicates[0]=Path=/**" })
class GatewayRefusalsTests extends GatewayWithBackendProcesses {

    private static final BackendProcess backend = BackendProcess.start("r-1");

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

    @ParameterizedTest
    @ValueSource(strings = { "/api/posts?q=%ff", "/api/posts?q=%zz", "/api/posts/%00", "/static/..%2f..%2fetc",
            "/%zz", "/static/%2e%2e/x" })
    void shouldRefuseMalformedTargetsWithAProblem(String target) throws IOException {
        assertProblem(exchange("GET " + target + " HTTP/1.1\r\nHost: localhost\r\n\r\n"), 400);
    }

    @Test
    void shouldRefuseATargetOverItsLimitBeforeTheWebTierWould() throws IOException {
        assertProblem(exchange("GET /" + "a".repeat(4200) + " HTTP/1.1\r\nHost: localhost\r\n\r\n"), 414);
    }

    @Test
    void shouldRefuseATransferCodingOtherThanChunkedWithAContentLength() throws IOException {
        String response = exchange("POST /posts HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: gzip\r\n"
                + "Content-Length: 5\r\n\r\nhello");

        assertProblem(response, 400);
        assertThat(response).containsIgnoringCase("connection: close");
    }

    @Test
    void shouldRefuseATransferCodingOtherThanChunked() throws IOException {
        assertProblem(exchange("POST /posts HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: gzip\r\n\r\n"), 501);
    }

    @Test
    void shouldRefuseAnHttp11RequestWithoutHost() throws IOException {
        assertProblem(exchange("GET /page HTTP/1.1\r\n\r\n"), 400);
    }

    @Test
    void shouldRefuseTwoHostHeaders() throws IOException {
        assertProblem(exchange("GET /page HTTP/1.1\r\nHost: localhost\r\nHost: www.foobar.com\r\n\r\n"), 400);
    }

    @ParameterizedTest
    @ValueSource(strings = { "a_b.example", "evil@www.foobar.com", "www.foobar.com evil",
            "-a.example" })
    void shouldRefuseHostValuesThatAreNotNames(String host) throws IOException {
        assertProblem(exchange("GET /page HTTP/1.1\r\nHost: " + host + "\r\n\r\n"), 400);
    }

    @ParameterizedTest
    @ValueSource(strings = { "GET /page HTTP/1.1\r\nHost: localhost\r\n\r\n",
            "GET /page HTTP/1.1\r\nHost: 127.0.0.1:8443\r\n\r\n", "GET /page HTTP/1.0\r\n\r\n",
            "POST /posts HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n" })
    void shouldPassValidRequestsOn(String request) throws IOException {
        assertThat(exchange(request)).matches("(?s)HTTP/1\\.[01] 200 .*");
    }

    private String exchange(String request) throws IOException {
        try (Socket raw = new Socket("127.0.0.1", this.httpsPort);
                SSLSocket socket = (SSLSocket) certificate.trustingContext().getSocketFactory()
                    .createSocket(raw, "localhost", this.httpsPort, true)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.replaceFirst("\r\n\r\n", "\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void assertProblem(String response, int status) {
        assertThat(response).startsWith("HTTP/1.1 " + status + " ");
        assertThat(response).containsIgnoringCase("content-type: application/problem+json")
            .contains("\"status\":" + status).doesNotContain("Exception");
        assertThat(response).doesNotContain("r-1");
    }
}
