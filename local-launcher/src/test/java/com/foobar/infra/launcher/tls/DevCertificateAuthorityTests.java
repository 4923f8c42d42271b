package com.foobar.infra.launcher.tls;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class DevCertificateAuthorityTests {

    private static final char[] STORE_PASSWORD = "changeit".toCharArray();

    @TempDir
    Path dir;

    @Test
    void shouldCreateTheCaAndTheSiteCertificate() {
        Path tls = this.dir.resolve("tls");
        DevCertificateAuthority authority = new DevCertificateAuthority(tls);

        authority.ensureCertificates();

        assertThat(tls.resolve("dev-ca.crt")).isRegularFile();
        assertThat(tls.resolve("dev-ca.key")).isRegularFile();
        assertThat(tls.resolve("www.foobar.com.crt")).isRegularFile();
        assertThat(tls.resolve("www.foobar.com.key")).isRegularFile();
        assertThat(authority.caCertificate()).isEqualTo(tls.resolve(DevCertificateAuthority.CA_CERTIFICATE));
    }

    @Test
    void shouldMakeTheKeysReadableByTheOwnerOnly() throws Exception {
        new DevCertificateAuthority(this.dir).ensureCertificates();

        for (String key : List.of("dev-ca.key", "www.foobar.com.key")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(this.dir.resolve(key))))
                .as(key)
                .isEqualTo("rw-------");
        }
    }

    @Test
    void shouldWriteEachKeyAsThePkcs8PemOfItsCertificate() throws Exception {
        new DevCertificateAuthority(this.dir).ensureCertificates();

        for (String name : List.of("dev-ca", "www.foobar.com")) {
            PrivateKey key = readPrivateKey(this.dir.resolve(name + ".key"));
            X509Certificate certificate = readCertificate(this.dir.resolve(name + ".crt"));
            byte[] data = name.getBytes(StandardCharsets.UTF_8);
            Signature signer = Signature.getInstance("SHA256withECDSA");
            signer.initSign(key);
            signer.update(data);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance("SHA256withECDSA");
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(data);
            assertThat(verifier.verify(signature)).as("%s.key belongs to %s.crt", name, name).isTrue();
        }
    }

    @Test
    void shouldSignTheSiteCertificateWithTheCa() throws Exception {
        new DevCertificateAuthority(this.dir).ensureCertificates();
        X509Certificate ca = readCertificate(this.dir.resolve("dev-ca.crt"));
        X509Certificate site = readCertificate(this.dir.resolve("www.foobar.com.crt"));

        assertThatCode(() -> ca.verify(ca.getPublicKey())).doesNotThrowAnyException();
        assertThatCode(() -> site.verify(ca.getPublicKey())).doesNotThrowAnyException();
        assertThat(site.getIssuerX500Principal()).isEqualTo(ca.getSubjectX500Principal());
        assertThat(site.getIssuerX500Principal().getEncoded()).isEqualTo(ca.getSubjectX500Principal().getEncoded());
        assertThat(site.getSubjectX500Principal().getName()).isEqualTo("CN=www.foobar.com");
        assertThat(ca.getBasicConstraints()).as("the CA is a CA").isNotNegative();
        assertThat(site.getBasicConstraints()).as("the site certificate is not a CA").isEqualTo(-1);
        assertThat(site.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1");
    }

    @Test
    void shouldNameTheSiteAndLoopbackInTheSiteCertificate() throws Exception {
        new DevCertificateAuthority(this.dir).ensureCertificates();
        X509Certificate site = readCertificate(this.dir.resolve("www.foobar.com.crt"));

        Collection<List<?>> names = site.getSubjectAlternativeNames();
        List<Object> dnsNames = namesOfType(names, 2);
        List<Object> ipAddresses = namesOfType(names, 7);
        assertThat(dnsNames).containsExactlyInAnyOrder("www.foobar.com", "foobar.com", "localhost");
        assertThat(ipAddresses).containsExactly("127.0.0.1");
    }

    @Test
    void shouldGiveTheSiteCertificateAValidityBrowsersAccept() throws Exception {
        new DevCertificateAuthority(this.dir).ensureCertificates();
        X509Certificate site = readCertificate(this.dir.resolve("www.foobar.com.crt"));

        site.checkValidity();
        Duration validity = Duration.between(site.getNotBefore().toInstant(), site.getNotAfter().toInstant());
        assertThat(validity).isLessThanOrEqualTo(Duration.ofDays(398));
        assertThat(site.getNotAfter().toInstant()).isAfter(Instant.now().plus(Duration.ofDays(300)));
    }

    @Test
    void shouldKeepTheCaAndTheSiteCertificateOnASecondRun() throws Exception {
        DevCertificateAuthority authority = new DevCertificateAuthority(this.dir);
        authority.ensureCertificates();
        byte[] caCert = Files.readAllBytes(this.dir.resolve("dev-ca.crt"));
        byte[] caKey = Files.readAllBytes(this.dir.resolve("dev-ca.key"));
        byte[] siteCert = Files.readAllBytes(this.dir.resolve("www.foobar.com.crt"));
        byte[] siteKey = Files.readAllBytes(this.dir.resolve("www.foobar.com.key"));

        new DevCertificateAuthority(this.dir).ensureCertificates();

        assertThat(this.dir.resolve("dev-ca.crt")).hasBinaryContent(caCert);
        assertThat(this.dir.resolve("dev-ca.key")).hasBinaryContent(caKey);
        assertThat(this.dir.resolve("www.foobar.com.crt")).hasBinaryContent(siteCert);
        assertThat(this.dir.resolve("www.foobar.com.key")).hasBinaryContent(siteKey);
    }

    @Test
    void shouldMakeAMissingSiteCertificateAgainWithTheSameCa() throws Exception {
        new DevCertificateAuthority(this.dir).ensureCertificates();
        byte[] caCert = Files.readAllBytes(this.dir.resolve("dev-ca.crt"));
        X509Certificate oldSite = readCertificate(this.dir.resolve("www.foobar.com.crt"));
        Files.delete(this.dir.resolve("www.foobar.com.crt"));

        new DevCertificateAuthority(this.dir).ensureCertificates();

        assertThat(this.dir.resolve("dev-ca.crt")).hasBinaryContent(caCert);
        X509Certificate ca = readCertificate(this.dir.resolve("dev-ca.crt"));
        X509Certificate newSite = readCertificate(this.dir.resolve("www.foobar.com.crt"));
        assertThat(newSite.getSerialNumber()).isNotEqualTo(oldSite.getSerialNumber());
        assertThat(newSite.getPublicKey()).isNotEqualTo(oldSite.getPublicKey());
        assertThatCode(() -> newSite.verify(ca.getPublicKey())).doesNotThrowAnyException();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(this.dir.resolve("www.foobar.com.key"))))
            .isEqualTo("rw-------");
    }

    @Test
    void shouldRenewASiteCertificateThatExpiresSoon() throws Exception {
        new DevCertificateAuthority(this.dir).ensureCertificates();
        byte[] caCert = Files.readAllBytes(this.dir.resolve("dev-ca.crt"));
        X509Certificate ca = readCertificate(this.dir.resolve("dev-ca.crt"));
        PrivateKey caKey = readPrivateKey(this.dir.resolve("dev-ca.key"));
        X509Certificate expiring = signExpiringSiteCertificate(ca, caKey, Duration.ofDays(10));
        writePem(this.dir.resolve("www.foobar.com.crt"), expiring);

        new DevCertificateAuthority(this.dir).ensureCertificates();

        X509Certificate renewed = readCertificate(this.dir.resolve("www.foobar.com.crt"));
        assertThat(renewed.getSerialNumber()).isNotEqualTo(expiring.getSerialNumber());
        assertThat(renewed.getNotAfter().toInstant()).isAfter(Instant.now().plus(Duration.ofDays(300)));
        assertThatCode(() -> renewed.verify(ca.getPublicKey())).doesNotThrowAnyException();
        assertThat(this.dir.resolve("dev-ca.crt")).hasBinaryContent(caCert);
    }

    @Test
    void shouldMakeANewCaAndSiteCertificateWhenTheCaKeyIsMissing() throws Exception {
        new DevCertificateAuthority(this.dir).ensureCertificates();
        X509Certificate oldCa = readCertificate(this.dir.resolve("dev-ca.crt"));
        Files.delete(this.dir.resolve("dev-ca.key"));

        new DevCertificateAuthority(this.dir).ensureCertificates();

        X509Certificate newCa = readCertificate(this.dir.resolve("dev-ca.crt"));
        X509Certificate site = readCertificate(this.dir.resolve("www.foobar.com.crt"));
        assertThat(newCa.getPublicKey()).isNotEqualTo(oldCa.getPublicKey());
        assertThatCode(() -> site.verify(newCa.getPublicKey())).doesNotThrowAnyException();
    }

    @Test
    void shouldServeTlsThatTrustsOnlyTheDevCa() throws Exception {
        new DevCertificateAuthority(this.dir).ensureCertificates();
        SSLContext server = serverContext();
        SSLContext client = clientTrustingOnly(this.dir.resolve("dev-ca.crt"));

        try (SSLServerSocket listener = (SSLServerSocket) server.getServerSocketFactory().createServerSocket()) {
            listener.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
            listener.setSoTimeout(10_000);
            CompletableFuture<String> served = CompletableFuture.supplyAsync(() -> serveOneByte(listener));

            try (SSLSocket socket = connect(client, listener.getLocalPort(), "www.foobar.com")) {
                socket.startHandshake();
                X509Certificate peer = (X509Certificate) socket.getSession().getPeerCertificates()[0];
                assertThat(peer.getSubjectX500Principal().getName()).isEqualTo("CN=www.foobar.com");
                OutputStream out = socket.getOutputStream();
                out.write('!');
                out.flush();
                assertThat(socket.getInputStream().read()).isEqualTo('!');
            }
            assertThat(served.get(10, TimeUnit.SECONDS)).isEqualTo("www.foobar.com");
        }
    }

    @Test
    void shouldRefuseAHostTheSiteCertificateDoesNotName() throws Exception {
        new DevCertificateAuthority(this.dir).ensureCertificates();
        SSLContext server = serverContext();
        SSLContext client = clientTrustingOnly(this.dir.resolve("dev-ca.crt"));

        try (SSLServerSocket listener = (SSLServerSocket) server.getServerSocketFactory().createServerSocket()) {
            listener.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
            listener.setSoTimeout(10_000);
            CompletableFuture<String> served = CompletableFuture.supplyAsync(() -> serveOneByte(listener));

            try (SSLSocket socket = connect(client, listener.getLocalPort(), "www.example.com")) {
                assertThatExceptionOfType(SSLHandshakeException.class).isThrownBy(socket::startHandshake);
            }
            served.handle((name, failure) -> name).get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void shouldRefuseTheSiteWhenTheClientDoesNotTrustTheDevCa() throws Exception {
        new DevCertificateAuthority(this.dir).ensureCertificates();
        Path otherDir = this.dir.resolve("other");
        new DevCertificateAuthority(otherDir).ensureCertificates();
        SSLContext server = serverContext();
        SSLContext client = clientTrustingOnly(otherDir.resolve("dev-ca.crt"));

        try (SSLServerSocket listener = (SSLServerSocket) server.getServerSocketFactory().createServerSocket()) {
            listener.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
            listener.setSoTimeout(10_000);
            CompletableFuture<String> served = CompletableFuture.supplyAsync(() -> serveOneByte(listener));

            try (SSLSocket socket = connect(client, listener.getLocalPort(), "www.foobar.com")) {
                assertThatExceptionOfType(SSLHandshakeException.class).isThrownBy(socket::startHandshake);
            }
            served.handle((name, failure) -> name).get(10, TimeUnit.SECONDS);
        }
    }

    private static List<Object> namesOfType(Collection<List<?>> names, int type) {
        List<Object> values = new ArrayList<>();
        for (List<?> name : names) {
            if (name.get(0).equals(type)) {
                values.add(name.get(1));
            }
        }
        return values;
    }

    private SSLContext serverContext() throws Exception {
        PrivateKey key = readPrivateKey(this.dir.resolve("www.foobar.com.key"));
        X509Certificate site = readCertificate(this.dir.resolve("www.foobar.com.crt"));
        X509Certificate ca = readCertificate(this.dir.resolve("dev-ca.crt"));
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        keyStore.load(null, null);
        keyStore.setKeyEntry("site", key, STORE_PASSWORD, new Certificate[] { site, ca });
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keyStore, STORE_PASSWORD);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keyManagers.getKeyManagers(), null, null);
        return context;
    }

    private static SSLContext clientTrustingOnly(Path caCertificate) throws Exception {
        KeyStore trustStore = KeyStore.getInstance("PKCS12");
        trustStore.load(null, null);
        trustStore.setCertificateEntry("dev-ca", readCertificate(caCertificate));
        TrustManagerFactory trustManagers = TrustManagerFactory
            .getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trustStore);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trustManagers.getTrustManagers(), null);
        return context;
    }

    /** Connects to 127.0.0.1 as a client that asked for {@code host}: SNI and hostname verification for it. */
    private static SSLSocket connect(SSLContext client, int port, String host) throws IOException {
        Socket plain = new Socket();
        plain.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 10_000);
        plain.setSoTimeout(10_000);
        SSLSocket socket = (SSLSocket) client.getSocketFactory().createSocket(plain, host, port, true);
        SSLParameters parameters = socket.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        parameters.setServerNames(List.of(new SNIHostName(host)));
        socket.setSSLParameters(parameters);
        return socket;
    }

    /** Accepts one connection, echoes one byte and returns the server name the client asked for. */
    private static String serveOneByte(SSLServerSocket listener) {
        try (SSLSocket socket = (SSLSocket) listener.accept()) {
            socket.setSoTimeout(10_000);
            socket.startHandshake();
            InputStream in = socket.getInputStream();
            int read = in.read();
            socket.getOutputStream().write(read);
            socket.getOutputStream().flush();
            return requestedServerName(socket);
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static String requestedServerName(SSLSocket socket) {
        return socket.getSession() instanceof ExtendedSSLSession session
                ? session.getRequestedServerNames()
                    .stream()
                    .filter(SNIHostName.class::isInstance)
                    .map((name) -> ((SNIHostName) name).getAsciiName())
                    .findFirst()
                    .orElse("")
                : "";
    }

    private static X509Certificate signExpiringSiteCertificate(X509Certificate ca, PrivateKey caKey,
            Duration validity) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair site = generator.generateKeyPair();
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                X500Name.getInstance(ca.getSubjectX500Principal().getEncoded()), BigInteger.valueOf(42),
                Date.from(now.minus(Duration.ofDays(300))), Date.from(now.plus(validity)),
                new X500Name("CN=www.foobar.com"), site.getPublic());
        return new JcaX509CertificateConverter()
            .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(caKey)));
    }

    private static void writePem(Path file, Object object) throws IOException {
        try (JcaPEMWriter writer = new JcaPEMWriter(Files.newBufferedWriter(file))) {
            writer.writeObject(object);
        }
    }

    private static PrivateKey readPrivateKey(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file); PEMParser parser = new PEMParser(reader)) {
            Object object = parser.readObject();
            assertThat(object).as("PKCS#8 key in %s", file).isInstanceOf(PrivateKeyInfo.class);
            return new JcaPEMKeyConverter().getPrivateKey((PrivateKeyInfo) Objects.requireNonNull(object));
        }
    }

    private static X509Certificate readCertificate(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

}
