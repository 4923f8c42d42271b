package com.foobar.infra.launcher.tls;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A development certificate authority kept in one folder: {@code dev-ca.crt} (what clients trust),
 * {@code dev-ca.key}, and the site certificate {@code www.foobar.com.crt} / {@code .key} it signs for
 * {@code www.foobar.com}, {@code foobar.com}, {@code localhost} and {@code 127.0.0.1}.
 *
 * <p>Made on first start and reused after, so a client that trusted the CA once keeps trusting the site; the
 * site certificate is made again when it is missing or expires within 30 days. Keys are EC P-256 and readable
 * by the owner only.
 */
public final class DevCertificateAuthority {

    public static final String CA_CERTIFICATE = "dev-ca.crt";

    private static final Duration CA_VALIDITY = Duration.ofDays(3650);

    // 397 days is the longest validity browsers accept for a server certificate.
    private static final Duration SITE_VALIDITY = Duration.ofDays(397);

    private static final Duration RENEW_BEFORE = Duration.ofDays(30);

    private final Path dir;

    public DevCertificateAuthority(Path dir) {
        this.dir = dir;
    }

    /** Makes whatever of the CA and the site certificate is missing or about to expire. */
    public void ensureCertificates() {
        try {
            Files.createDirectories(this.dir);
            Path caCert = this.dir.resolve(CA_CERTIFICATE);
            Path caKey = this.dir.resolve("dev-ca.key");
            Path siteCert = this.dir.resolve("www.foobar.com.crt");
            Path siteKey = this.dir.resolve("www.foobar.com.key");
            if (!Files.exists(caCert) || !Files.exists(caKey)) {
                KeyPair ca = newKeyPair();
                X500Name name = new X500Name("CN=foobar-infra development CA");
                X509Certificate certificate = sign(name, ca, name, ca, CA_VALIDITY, true);
                write(caKey, pem(ca.getPrivate()));
                write(caCert, pem(certificate));
                Files.deleteIfExists(siteCert);
            }
            if (!Files.exists(siteCert) || !Files.exists(siteKey) || expiresSoon(siteCert)) {
                KeyPair ca = new KeyPair(readCertificate(caCert).getPublicKey(), PemKeys.readPrivateKey(caKey));
                X500Name caName = new X500Name(readCertificate(caCert).getSubjectX500Principal().getName());
                KeyPair site = newKeyPair();
                X509Certificate certificate = sign(new X500Name("CN=www.foobar.com"), site, caName, ca,
                        SITE_VALIDITY, false);
                write(siteKey, pem(site.getPrivate()));
                write(siteCert, pem(certificate));
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not write the development certificates in " + this.dir, ex);
        }
        catch (GeneralSecurityException | OperatorCreationException ex) {
            throw new IllegalStateException("Could not make the development certificates", ex);
        }
    }

    public Path caCertificate() {
        return this.dir.resolve(CA_CERTIFICATE);
    }

    private static KeyPair newKeyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
        return generator.generateKeyPair();
    }

    private static X509Certificate sign(X500Name subject, KeyPair subjectKeys, X500Name issuer, KeyPair issuerKeys,
            Duration validity, boolean authority)
            throws GeneralSecurityException, OperatorCreationException, IOException {
        Instant now = Instant.now();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer,
                new BigInteger(64, new SecureRandom()), Date.from(now.minus(Duration.ofMinutes(5))),
                Date.from(now.plus(validity)), subject, subjectKeys.getPublic());
        JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
        builder.addExtension(Extension.subjectKeyIdentifier, false,
                extensions.createSubjectKeyIdentifier(subjectKeys.getPublic()));
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(authority));
        if (authority) {
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        }
        else {
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    extensions.createAuthorityKeyIdentifier(issuerKeys.getPublic()));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            builder.addExtension(Extension.extendedKeyUsage, false,
                    new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            builder.addExtension(Extension.subjectAlternativeName, false,
                    new GeneralNames(new GeneralName[] { new GeneralName(GeneralName.dNSName, "www.foobar.com"),
                            new GeneralName(GeneralName.dNSName, "foobar.com"),
                            new GeneralName(GeneralName.dNSName, "localhost"),
                            new GeneralName(GeneralName.iPAddress, "127.0.0.1") }));
        }
        return new JcaX509CertificateConverter()
            .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKeys.getPrivate())));
    }

    private static boolean expiresSoon(Path certificate) throws IOException, GeneralSecurityException {
        return readCertificate(certificate).getNotAfter().toInstant().isBefore(Instant.now().plus(RENEW_BEFORE));
    }

    private static X509Certificate readCertificate(Path file) throws IOException, GeneralSecurityException {
        try (var in = Files.newInputStream(file)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    private static String pem(Object object) throws IOException {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(object instanceof PrivateKey key ? new JcaPKCS8Generator(key, null) : object);
        }
        return out.toString();
    }

    private static void write(Path file, String content) throws IOException {
        Files.deleteIfExists(file);
        // Keys are created owner-only, never readable by others even for a moment.
        String permissions = file.getFileName().toString().endsWith(".key") ? "rw-------" : "rw-r--r--";
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions)));
        Files.writeString(file, content);
    }

}
