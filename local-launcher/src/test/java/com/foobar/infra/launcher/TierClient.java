package com.foobar.infra.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;

import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedKeyManager;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.jspecify.annotations.Nullable;

/**
 * An HTTPS client that calls a web or application server's main port directly, as another tier (or an intruder)
 * would: it trusts the server's tier CA and presents the given certificate, whatever CAs the server asks for (the
 * JDK's own key manager would stay silent instead, and the server's check would go untested), or none.
 */
final class TierClient {

    private final SSLContext tls;

    private final HttpClient http;

    /**
     * @param serverCa the CA the server's certificate must chain to
     * @param certificate the certificate to present, its {@code .key} beside it; {@code null} for none
     */
    TierClient(Path serverCa, @Nullable Path certificate) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("ca", readCertificate(serverCa));
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trust);
        KeyManager[] keyManagers = (certificate != null)
                ? new KeyManager[] { new Presenting(readCertificate(certificate), readPrivateKey(certificate
                    .resolveSibling(certificate.getFileName().toString().replace(".crt", ".key")))) }
                : null;
        this.tls = SSLContext.getInstance("TLS");
        this.tls.init(keyManagers, trustManagers.getTrustManagers(), null);
        this.http = HttpClient.newBuilder().sslContext(this.tls).connectTimeout(Duration.ofSeconds(5)).build();
    }

    HttpResponse<String> get(String url) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).build());
    }

    HttpResponse<String> send(HttpRequest request) throws Exception {
        return this.http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Handshakes with {@code 127.0.0.1:<port>}, then waits for the server's first word without saying one, and
     * returns how the server refused this client: its TLS alert, or, when the server's close overtakes the alert
     * (under TLS 1.3 the client may still be writing its last handshake message), the broken connection. Fails
     * with a timeout if the server accepts the client.
     */
    IOException refusal(int port) throws Exception {
        try (SSLSocket socket = (SSLSocket) this.tls.getSocketFactory().createSocket("127.0.0.1", port)) {
            socket.setSoTimeout(5_000);
            socket.startHandshake();
            socket.getInputStream().read();
            throw new IllegalStateException("127.0.0.1:" + port + " closed the connection without an alert");
        }
        catch (SSLException | SocketException ex) {
            return ex;
        }
    }

    private static X509Certificate readCertificate(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    private static PrivateKey readPrivateKey(Path file) throws Exception {
        try (Reader reader = Files.newBufferedReader(file); PEMParser parser = new PEMParser(reader)) {
            return new JcaPEMKeyConverter().getPrivateKey((PrivateKeyInfo) parser.readObject());
        }
    }

    /** A key manager with one certificate that it always presents. */
    private static final class Presenting extends X509ExtendedKeyManager {

        private final X509Certificate certificate;

        private final PrivateKey key;

        Presenting(X509Certificate certificate, PrivateKey key) {
            this.certificate = certificate;
            this.key = key;
        }

        @Override
        public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine engine) {
            return "node";
        }

        @Override
        public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
            return "node";
        }

        @Override
        public String[] getClientAliases(String keyType, Principal[] issuers) {
            return new String[] { "node" };
        }

        @Override
        public X509Certificate[] getCertificateChain(String alias) {
            return new X509Certificate[] { this.certificate };
        }

        @Override
        public PrivateKey getPrivateKey(String alias) {
            return this.key;
        }

        @Override
        public String @Nullable [] getServerAliases(String keyType, Principal[] issuers) {
            return null;
        }

        @Override
        public @Nullable String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
            return null;
        }

    }

}
