package com.foobar.infra.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.net.ssl.SSLSocket;

import com.foobar.infra.balancing.backend.BackendProcess;
import com.foobar.infra.balancing.backend.GroupsFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Slow and greedy clients cannot hold the gateway's connections: an idle TLS connection and a half-sent request are
 * closed after the idle timeout, and a client address over its connection cap has its next connection closed at
 * once. Each test connects from its own loopback address, so the caps of one do not touch another.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "management.server.port=0",
        "foobar.gateway.http-redirect-port=0", "foobar.gateway.connection-limits.idle-timeout=1s",
        "foobar.gateway.connection-limits.max-per-client=3", "spring.cloud.gateway.server.webflux.routes[0].id=site",
        "spring.cloud.gateway.server.webflux.routes[0].uri=lb://site",
        "spring.cloud.gateway.server.webflux.routes[0].predicates[0]=Path=/**" })
class GatewayConnectionLimitsTests extends GatewayWithBackendProcesses {

    private static final Duration WITHIN = Duration.ofSeconds(8);

    private static final BackendProcess backend = BackendProcess.start("c-1");

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
    void shouldCloseAnIdleTlsConnection() throws IOException {
        try (SSLSocket socket = tls("127.0.3.1")) {
            socket.startHandshake();

            assertThat(closedWithin(socket)).isTrue();
        }
    }

    @Test
    void shouldCloseAConnectionWhoseRequestHeaderStopsHalfWay() throws IOException {
        try (SSLSocket socket = tls("127.0.3.2")) {
            socket.getOutputStream().write("GET /page HTTP/1.1\r\nHost: localhost\r\nX-Slow: "
                .getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();

            assertThat(closedWithin(socket)).isTrue();
        }
    }

    @Test
    void shouldKeepAConnectionThatIsBusyWithARequest() throws IOException {
        try (SSLSocket socket = tls("127.0.3.3")) {
            socket.getOutputStream().write("GET /page HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
                .getBytes(StandardCharsets.ISO_8859_1));

            assertThat(new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                .startsWith("HTTP/1.1 200 ");
        }
    }

    @Test
    void shouldCloseConnectionsOverTheCapOfOneClient() throws IOException {
        List<Socket> held = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                held.add(plain("127.0.3.4"));
            }
            try (Socket over = plain("127.0.3.4"); Socket other = plain("127.0.3.5")) {
                assertThat(closedWithin(over, Duration.ofMillis(800))).isTrue();
                assertThat(closedWithin(other, Duration.ofMillis(300))).isFalse();
            }
        }
        finally {
            for (Socket socket : held) {
                socket.close();
            }
        }
    }

    private Socket plain(String from) throws IOException {
        return new Socket(InetAddress.getByName("127.0.0.1"), this.httpsPort, InetAddress.getByName(from), 0);
    }

    private SSLSocket tls(String from) throws IOException {
        Socket raw = plain(from);
        return (SSLSocket) certificate.trustingContext().getSocketFactory().createSocket(raw, "localhost",
                this.httpsPort, true);
    }

    private static boolean closedWithin(Socket socket) throws IOException {
        return closedWithin(socket, WITHIN);
    }

    // Whether the server closes the connection in time: a read sees the end of the stream, or a reset.
    private static boolean closedWithin(Socket socket, Duration timeout) throws IOException {
        socket.setSoTimeout((int) timeout.toMillis());
        InputStream in = socket.getInputStream();
        try {
            while (in.read() != -1) {
                // Whatever the server says before it closes (a 408) is not what this looks for.
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
