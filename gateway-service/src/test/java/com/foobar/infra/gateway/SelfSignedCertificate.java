package com.foobar.infra.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A self-signed certificate for {@code www.foobar.com}, {@code foobar.com}, {@code localhost} and {@code 127.0.0.1},
 * written as PEM files the gateway's SSL bundle reads, and an {@link SSLContext} for clients that trust it.
 */
final class SelfSignedCertificate {

    private final Path directory;

    private final X509Certificate certificate;

    private SelfSignedCertificate(Path directory, X509Certificate certificate) {
        this.directory = directory;
        this.certificate = certificate;
    }

    static SelfSignedCertificate create() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(256);
            KeyPair keyPair = generator.generateKeyPair();
            X500Name subject = new X500Name("CN=www.foobar.com");
            Instant now = Instant.now();
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject,
                    BigInteger.valueOf(now.toEpochMilli()), Date.from(now.minus(Duration.ofDays(1))),
                    Date.from(now.plus(Duration.ofDays(1))), subject, keyPair.getPublic());
            builder.addExtension(Extension.subjectAlternativeName, false,
                    new GeneralNames(new GeneralName[] { new GeneralName(GeneralName.dNSName, "www.foobar.com"),
                            new GeneralName(GeneralName.dNSName, "foobar.com"),
                            new GeneralName(GeneralName.dNSName, "localhost"),
                            new GeneralName(GeneralName.iPAddress, "127.0.0.1") }));
            X509Certificate certificate = new JcaX509CertificateConverter()
                    .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA")
                            .build(keyPair.getPrivate())));
            Path directory = Files.createTempDirectory("gateway-tls");
            writePem(directory.resolve("www.foobar.com.crt"), certificate);
            writePem(directory.resolve("www.foobar.com.key"), new JcaPKCS8Generator(keyPair.getPrivate(), null));
            return new SelfSignedCertificate(directory, certificate);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (GeneralSecurityException | OperatorCreationException ex) {
            throw new IllegalStateException(ex);
        }
    }

    String certificateLocation() {
        return "file:" + this.directory.resolve("www.foobar.com.crt");
    }

    String privateKeyLocation() {
        return "file:" + this.directory.resolve("www.foobar.com.key");
    }

    SSLContext trustingContext() {
        try {
            KeyStore trustStore = KeyStore.getInstance(KeyStore.getDefaultType());
            trustStore.load(null, null);
            trustStore.setCertificateEntry("www.foobar.com", this.certificate);
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trustStore);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException(ex);
        }
    }

    BigInteger serialNumber() {
        return this.certificate.getSerialNumber();
    }

    /** Writes this certificate and key over another's files, as an operator renewing a certificate in place would. */
    void installOver(SelfSignedCertificate target) {
        try {
            for (String name : new String[] { "www.foobar.com.key", "www.foobar.com.crt" }) {
                Files.copy(this.directory.resolve(name), target.directory.resolve(name),
                        StandardCopyOption.REPLACE_EXISTING);
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    void delete() {
        try (var files = Files.list(this.directory)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
            Files.delete(this.directory);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static void writePem(Path file, Object pemObject) throws IOException {
        try (Writer writer = Files.newBufferedWriter(file); JcaPEMWriter pem = new JcaPEMWriter(writer)) {
            pem.writeObject(pemObject);
        }
    }
}
