package com.foobar.infra.internaltls;

import java.net.SocketException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.function.Function;
import java.util.stream.Stream;


import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.web.server.WebServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A web server of the web tier (its certificate from the web CA, callers from the gateway CA), on Reactor Netty
 * and on Tomcat, called by clients with and without the right certificate.
 */
class MutualTlsWebServerCustomizerTests {

    @TempDir
    static Path dir;

    static TestCertificates certificates;

    @BeforeAll
    static void makeCertificates() throws Exception {
        certificates = new TestCertificates(dir);
        certificates.tier("gateway").node("gateway-1");
        certificates.tier("web").node("web-1");
        certificates.tier("app").node("app-1");
        // A certificate for a gateway, from a CA that is not the gateway tier's.
        certificates.tier("rogue").node("rogue-gateway-1");
    }

    static Stream<Named<Function<InternalTlsProperties, WebServer>>> servers() {
        return Stream.of(Named.of("Reactor Netty", TierServers::netty), Named.of("Tomcat", TierServers::tomcat));
    }

    @ParameterizedTest
    @MethodSource("servers")
    void shouldAnswerACallerWithACertificateFromTheCallerTier(Function<InternalTlsProperties, WebServer> server)
            throws Exception {
        onWebServer(server, (port) -> assertThat(call(port, certificates.certificate("gateway-1")).body())
            .isEqualTo("ok"));
    }

    @ParameterizedTest
    @MethodSource("servers")
    void shouldRefuseACallerWithoutACertificate(Function<InternalTlsProperties, WebServer> server) throws Exception {
        onWebServer(server, (port) -> assertRefused(port, null, "certificate_required"));
    }

    @ParameterizedTest
    @MethodSource("servers")
    void shouldRefuseACertificateFromAnotherTier(Function<InternalTlsProperties, WebServer> server) throws Exception {
        onWebServer(server, (port) -> assertRefused(port, certificates.certificate("app-1"), "certificate_unknown"));
    }

    @ParameterizedTest
    @MethodSource("servers")
    void shouldRefuseACertificateFromAnotherCa(Function<InternalTlsProperties, WebServer> server) throws Exception {
        onWebServer(server,
                (port) -> assertRefused(port, certificates.certificate("rogue-gateway-1"), "certificate_unknown"));
    }

    /** Starts web-1 on {@code server}, runs {@code calls} against its port, and stops it. */
    private static void onWebServer(Function<InternalTlsProperties, WebServer> server, Calls calls) throws Exception {
        WebServer web = server.apply(new InternalTlsProperties("file:" + certificates.certificate("web-1"),
                "file:" + certificates.privateKey("web-1"), "file:" + certificates.caCertificate("gateway"),
                "file:" + certificates.caCertificate("app")));
        try {
            calls.on(web.getPort());
        }
        finally {
            web.stop();
        }
    }

    private static HttpResponse<String> call(int port, @Nullable Path certificate) throws Exception {
        return TierServers.call(port, certificates.caCertificate("web"), certificate);
    }

    /** The handshake fails: with {@code alert} from the server, unless its close overtook the alert. */
    private static void assertRefused(int port, @Nullable Path certificate, String alert) throws Exception {
        assertThat(TierServers.refusal(port, certificates.caCertificate("web"), certificate)).satisfiesAnyOf(
                (refusal) -> assertThat(refusal).hasMessageContaining(alert),
                (refusal) -> assertThat(refusal).isInstanceOf(SocketException.class));
    }

    @FunctionalInterface
    private interface Calls {

        void on(int port) throws Exception;

    }

}
