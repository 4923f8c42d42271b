package com.foobar.infra.internaltls;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.function.Function;
import java.util.stream.Stream;

import javax.net.ssl.SSLHandshakeException;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.web.server.WebServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

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
        WebServer web = server.apply(web1());
        try {
            assertThat(call(web, certificates.certificate("gateway-1")).body()).isEqualTo("ok");
        }
        finally {
            web.stop();
        }
    }

    @ParameterizedTest
    @MethodSource("servers")
    void shouldRefuseACallerWithoutACertificate(Function<InternalTlsProperties, WebServer> server) {
        WebServer web = server.apply(web1());
        try {
            assertThatExceptionOfType(SSLHandshakeException.class).isThrownBy(() -> call(web, null))
                .withMessageContaining("certificate_required");
        }
        finally {
            web.stop();
        }
    }

    @ParameterizedTest
    @MethodSource("servers")
    void shouldRefuseACertificateFromAnotherTier(Function<InternalTlsProperties, WebServer> server) {
        WebServer web = server.apply(web1());
        try {
            assertThatExceptionOfType(SSLHandshakeException.class)
                .isThrownBy(() -> call(web, certificates.certificate("app-1")))
                .withMessageContaining("certificate_unknown");
        }
        finally {
            web.stop();
        }
    }

    @ParameterizedTest
    @MethodSource("servers")
    void shouldRefuseACertificateFromAnotherCa(Function<InternalTlsProperties, WebServer> server) {
        WebServer web = server.apply(web1());
        try {
            assertThatExceptionOfType(SSLHandshakeException.class)
                .isThrownBy(() -> call(web, certificates.certificate("rogue-gateway-1")))
                .withMessageContaining("certificate_unknown");
        }
        finally {
            web.stop();
        }
    }

    private static HttpResponse<String> call(WebServer web, Path certificate) throws Exception {
        return TierServers.call(web.getPort(), certificates.caCertificate("web"), certificate);
    }

    private static InternalTlsProperties web1() {
        return new InternalTlsProperties("file:" + certificates.certificate("web-1"),
                "file:" + certificates.privateKey("web-1"), "file:" + certificates.caCertificate("gateway"),
                "file:" + certificates.caCertificate("app"));
    }

}
