package com.foobar.infra.app.problem;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import com.foobar.infra.app.ServerTestSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests whose path or query is not valid (bad percent-encoding, bytes that are not UTF-8, an encoded NUL or
 * slash) are the client's fault: a {@code 400} problem, never a {@code 500} that would count toward the web tier
 * ejecting this server, and never Tomcat's HTML page. Sent over a raw socket, since HTTP clients refuse to send them.
 */
class MalformedRequestTests extends ServerTestSupport {

    @LocalServerPort
    private int port;

    @ParameterizedTest
    @ValueSource(strings = { "/api/posts?q=%ff", "/api/posts?q=%zz", "/api/posts?limit=%", "/api/posts?%ff=1",
            "/api/posts/%00", "/api/posts/..%2f..%2fetc", "/api/%ff", "/api/posts%zz", "/api/posts?q=%c0%af" })
    void shouldAnswerBadRequestWithAProblem(String target) throws IOException {
        String response = exchange("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        assertThat(response).startsWith("HTTP/1.1 400 ");
        assertThat(response).containsIgnoringCase("Content-Type: application/problem+json")
            .contains("\"status\":400").doesNotContain("<html").doesNotContain("Exception");
    }

    private String exchange(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", this.port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
