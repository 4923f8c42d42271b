package com.foobar.infra.problem;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.reactor.netty.NettyReactiveWebServerFactory;
import org.springframework.boot.web.server.WebServer;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real Reactor Netty server with this module's filter, handler and customizer answers malformed request targets
 * with a {@code 400} problem, whether Spring's adapter refuses them (not a URI at all) or the filter does.
 */
class MalformedRequestNettyTests {

    private WebServer server;

    @BeforeEach
    void start() {
        ServerCodecConfigurer codecs = ServerCodecConfigurer.create();
        NettyReactiveWebServerFactory factory = new NettyReactiveWebServerFactory(0);
        factory.setAddress(InetAddress.getLoopbackAddress());
        factory.addServerCustomizers(new BareRefusalProblemCustomizer());
        this.server = factory.getWebServer(WebHttpHandlerBuilder
            .webHandler((exchange) -> exchange.getResponse().setComplete())
            .filter(new MalformedRequestWebFilter())
            .exceptionHandler(new ProblemDetailWebExceptionHandler(codecs,
                    new ProblemResponsesProperties("upstream server", "server", false)))
            .codecConfigurer(codecs)
            .build());
        this.server.start();
    }

    @AfterEach
    void stop() {
        this.server.stop();
    }

    @ParameterizedTest
    @ValueSource(strings = { "/api/posts?q=%ff", "/api/posts?q=%zz", "/api/posts?q=%", "/api/posts/%00",
            "/static/..%2f..%2fetc/passwd", "/%zz", "/static/%2e%2e/x" })
    void shouldAnswerBadRequestWithAProblem(String target) throws IOException {
        String response = exchange("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        assertThat(response).startsWith("HTTP/1.1 400 ");
        assertThat(response).containsIgnoringCase("content-type: application/problem+json")
            .contains("\"status\":400");
    }

    @Test
    void shouldAnswerARequestLineOverTheDecodersLimitWithAProblem() throws IOException {
        String response = exchange("GET /" + "a".repeat(5000) + " HTTP/1.1\r\nHost: localhost\r\n\r\n");

        assertThat(response).startsWith("HTTP/1.1 414 ");
        assertThat(response).containsIgnoringCase("content-type: application/problem+json")
            .contains("\"status\":414");
    }

    @Test
    void shouldAnswerHeadersOverTheDecodersLimitWithAProblem() throws IOException {
        String response = exchange("GET / HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "b".repeat(9000)
                + "\r\n\r\n");

        assertThat(response).startsWith("HTTP/1.1 431 ");
        assertThat(response).containsIgnoringCase("content-type: application/problem+json")
            .contains("\"status\":431");
    }

    @ParameterizedTest
    @ValueSource(strings = { "/api/posts?q=caf%C3%A9", "/" })
    void shouldPassValidTargetsOn(String target) throws IOException {
        assertThat(exchange("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"))
            .startsWith("HTTP/1.1 200 ");
    }

    private String exchange(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", this.server.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
