package com.foobar.infra.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web tier answers malformed request targets itself with a {@code 400} problem, for the site's files and the
 * API alike, and never forwards them to an application server. Sent over a raw socket, since HTTP clients refuse
 * to send them.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "management.server.port=0")
class MalformedRequestTests {

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

    @ParameterizedTest
    @ValueSource(strings = { "/api/posts?q=%ff", "/api/posts?q=%zz", "/api/posts/%00", "/api/..%2fadmin",
            "/assets/..%2f..%2fapplication.yml", "/%zz", "/assets/%2e%2e/x", "/index.html?x=%c0%af" })
    void shouldAnswerBadRequestWithAProblem(String target) throws IOException {
        String response = exchange("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        assertThat(response).startsWith("HTTP/1.1 400 ");
        assertThat(response).containsIgnoringCase("content-type: application/problem+json")
            .contains("\"status\":400").doesNotContain("Exception");
        assertThat(app.requests()).noneMatch((request) -> request.contains(target));
    }

    private String exchange(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", this.port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
