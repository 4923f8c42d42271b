package com.foobar.infra.internaltls;

import java.io.IOException;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;

import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509ExtendedKeyManager;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.boot.reactor.netty.NettyReactiveWebServerFactory;
import org.springframework.boot.ssl.DefaultSslBundleRegistry;
import org.springframework.boot.ssl.SslBundleKey;
import org.springframework.boot.ssl.SslManagerBundle;
import org.springframework.boot.ssl.SslStoreBundle;
import org.springframework.boot.ssl.pem.PemSslStoreBundle;
import org.springframework.boot.ssl.pem.PemSslStoreDetails;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServer;
import org.springframework.http.HttpStatus;

/**
 * Real servers as the tiers run them (Reactor Netty for gateway and web, Tomcat for app), customized by
 * {@link MutualTlsWebServerCustomizer} and answering {@code ok}, and a JDK client to call them.
 */
final class TierServers {

    private TierServers() {
    }

    static DefaultSslBundleRegistry bundles(InternalTlsProperties properties) {
        DefaultSslBundleRegistry registry = new DefaultSslBundleRegistry();
        new InternalTlsBundleRegistrar(properties).registerBundles(registry);
        return registry;
    }

    static WebServer netty(InternalTlsProperties properties) {
        NettyReactiveWebServerFactory factory = new NettyReactiveWebServerFactory(0);
        new MutualTlsWebServerCustomizer(bundles(properties)).customize(factory);
        WebServer server = factory.getWebServer((request, response) -> {
            response.setStatusCode(HttpStatus.OK);
            return response.writeWith(Mono.just(response.bufferFactory().wrap("ok".getBytes(StandardCharsets.UTF_8))));
        });
        server.start();
        return server;
    }

    static WebServer tomcat(InternalTlsProperties properties) {
        TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory(0);
        new MutualTlsWebServerCustomizer(bundles(properties)).customize(factory);
        WebServer server = factory.getWebServer((context) -> context.addServlet("ok", new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
                response.getWriter().write("ok");
            }
        }).addMapping("/"));
        server.start();
        return server;
    }

    /**
     * Calls {@code https://127.0.0.1:<port>/} trusting {@code serverCa} and presenting {@code certificate} (with
     * its {@code .key} beside it), or no certificate when it is {@code null}.
     */
    static HttpResponse<String> call(int port, Path serverCa, @Nullable Path certificate)
            throws IOException, InterruptedException, GeneralSecurityException {
        try (HttpClient client = HttpClient.newBuilder()
            .sslContext(clientContext(serverCa, certificate))
            .connectTimeout(Duration.ofSeconds(5))
            .build()) {
            return client.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + "/"))
                .timeout(Duration.ofSeconds(10))
                .build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    /**
     * Handshakes with {@code 127.0.0.1:<port>} as {@link #call} would, then waits for the server's first word
     * without saying one, and returns how the server refused the client: its TLS alert, or, when the server's
     * close overtakes the alert (under TLS 1.3 the client may still be writing its last handshake message), the
     * broken connection. Fails with a timeout if the server accepts the client.
     */
    static IOException refusal(int port, Path serverCa, @Nullable Path certificate)
            throws IOException, GeneralSecurityException {
        try (SSLSocket socket = (SSLSocket) clientContext(serverCa, certificate).getSocketFactory()
            .createSocket("127.0.0.1", port)) {
            socket.setSoTimeout(5_000);
            socket.startHandshake();
            socket.getInputStream().read();
            throw new IllegalStateException("127.0.0.1:" + port + " closed the connection without an alert");
        }
        catch (SSLException | SocketException ex) {
            return ex;
        }
    }

    /** Trusts {@code serverCa}; presents {@code certificate} whatever CAs the server asks for, as an intruder would. */
    private static SSLContext clientContext(Path serverCa, @Nullable Path certificate) throws GeneralSecurityException {
        PemSslStoreDetails key = (certificate != null)
                ? PemSslStoreDetails.forCertificate("file:" + certificate)
                    .withPrivateKey("file:" + certificate.resolveSibling(
                            certificate.getFileName().toString().replace(".crt", ".key")))
                : null;
        SslStoreBundle stores = new PemSslStoreBundle(key, PemSslStoreDetails.forCertificates("file:" + serverCa));
        SslManagerBundle managers = SslManagerBundle.from(stores, SslBundleKey.NONE);
        KeyManager[] keyManagers = (certificate != null) ? new KeyManager[] { new PresentingKeyManager(
                (X509ExtendedKeyManager) managers.getKeyManagers()[0], stores.getKeyStore().aliases().nextElement()) }
                : null;
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keyManagers, managers.getTrustManagers(), null);
        return tls;
    }

}
