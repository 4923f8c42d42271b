package com.foobar.infra.app.connection;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.foobar.infra.app.ServerTestSupport;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application server drops a client that stops half-way through its request header and a kept-alive
 * connection left idle, each after its timeout (1 s here, 10 s and 60 s in application.yml).
 */
@TestPropertySource(properties = { "server.tomcat.connection-timeout=1s", "server.tomcat.keep-alive-timeout=1s" })
class SlowClientTests extends ServerTestSupport {

    private static final Duration WITHIN = Duration.ofSeconds(6);

    @LocalServerPort
    private int port;

    @Test
    void shouldDropAClientWhoseRequestHeaderStopsHalfWay() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", this.port)) {
            socket.getOutputStream().write("GET /api/posts HTTP/1.1\r\nHost: localhost\r\nX-Slow: "
                .getBytes(StandardCharsets.ISO_8859_1));

            assertThat(closedWithin(socket)).isTrue();
        }
    }

    @Test
    void shouldCloseAKeptAliveConnectionLeftIdle() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", this.port)) {
            socket.getOutputStream().write("GET /api/posts/999999999 HTTP/1.1\r\nHost: localhost\r\n\r\n"
                .getBytes(StandardCharsets.ISO_8859_1));

            assertThat(closedWithin(socket)).isTrue();
        }
    }

    // Whether the server closes the connection in time: a read sees the end of the stream, or a reset.
    private static boolean closedWithin(Socket socket) throws IOException {
        socket.setSoTimeout((int) WITHIN.toMillis());
        InputStream in = socket.getInputStream();
        try {
            while (in.read() != -1) {
                // A response to a complete request comes first; the close is what this waits for.
            }
            return true;
        }
        catch (SocketTimeoutException ex) {
            return false;
        }
        catch (IOException ex) {
            return true;
        }
    }
}
