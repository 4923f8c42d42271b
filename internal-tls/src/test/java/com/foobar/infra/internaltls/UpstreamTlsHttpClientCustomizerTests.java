package com.foobar.infra.internaltls;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

import org.springframework.boot.reactor.netty.NettyReactiveWebServerFactory;
import org.springframework.boot.web.server.WebServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * The gateway's proxy client, customized as gateway-1 (upstream CA: the web tier's), calling a web server that
 * requires the gateway tier's certificates.
 */
class UpstreamTlsHttpClientCustomizerTests {

    @TempDir
    static Path dir;

    static TestCertificates certificates;

    @BeforeAll
    static void makeCertificates() throws Exception {
        certificates = new TestCertificates(dir);
        certificates.tier("gateway").node("gateway-1");
        certificates.tier("web").node("web-1");
        certificates.tier("rogue").node("rogue-web-1");
    }

    @Test
    void shouldPresentTheNodeCertificateToAWebServerOfTheUpstreamTier() {
        WebServer web = TierServers.netty(webServer("web-1"));
        try {
            assertThat(get(gateway1(), web.getPort())).isEqualTo("ok");
        }
        finally {
            web.stop();
        }
    }

    @Test
    void shouldRefuseAnUpstreamWhoseCertificateIsFromAnotherCa() {
        WebServer impostor = TierServers.netty(webServer("rogue-web-1"));
        try {
            assertThatException().isThrownBy(() -> get(gateway1(), impostor.getPort()))
                .withStackTraceContaining("PKIX path");
        }
        finally {
            impostor.stop();
        }
    }

    @Test
    void shouldRefuseAnUpstreamWhoseCertificateDoesNotNameTheAddressCalled() {
        WebServer web = TierServers.netty(webServer("web-1"));
        try {
            // The certificate names localhost and 127.0.0.1; 127.0.0.2 reaches the same server on Linux.
            assertThatException().isThrownBy(() -> get(gateway1(), "https", "127.0.0.2", web.getPort()))
                .withStackTraceContaining("127.0.0.2");
        }
        finally {
            web.stop();
        }
    }

    @Test
    void shouldLeavePlainHttpCallsPlain() {
        // Health checks of management ports are plain HTTP, possibly through the same client.
        NettyReactiveWebServerFactory factory = new NettyReactiveWebServerFactory(0);
        WebServer management = factory.getWebServer((request, response) -> response.writeWith(
                Mono.just(response.bufferFactory().wrap("plain".getBytes(StandardCharsets.UTF_8)))));
        management.start();
        try {
            assertThat(get(gateway1(), "http", "127.0.0.1", management.getPort())).isEqualTo("plain");
        }
        finally {
            management.stop();
        }
    }

    private static String get(HttpClient client, int port) {
        return get(client, "https", "127.0.0.1", port);
    }

    private static String get(HttpClient client, String scheme, String address, int port) {
        return client.get()
            .uri(scheme + "://" + address + ":" + port + "/")
            .responseContent()
            .aggregate()
            .asString()
            .block(Duration.ofSeconds(10));
    }

    private static HttpClient gateway1() {
        InternalTlsProperties properties = new InternalTlsProperties("file:" + certificates.certificate("gateway-1"),
                "file:" + certificates.privateKey("gateway-1"), null, "file:" + certificates.caCertificate("web"));
        return new UpstreamTlsHttpClientCustomizer(TierServers.bundles(properties)).customize(HttpClient.create());
    }

    private static InternalTlsProperties webServer(String node) {
        return new InternalTlsProperties("file:" + certificates.certificate(node),
                "file:" + certificates.privateKey(node), "file:" + certificates.caCertificate("gateway"), null);
    }

}
