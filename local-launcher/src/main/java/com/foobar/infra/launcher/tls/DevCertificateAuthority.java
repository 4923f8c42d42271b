package com.foobar.infra.launcher.tls;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;

import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.operator.OperatorCreationException;

/**
 * A development certificate authority kept in one folder: {@code dev-ca.crt} (what clients trust),
 * {@code dev-ca.key}, and the site certificate {@code www.foobar.com.crt} / {@code .key} it signs for
 * {@code www.foobar.com}, {@code foobar.com}, {@code localhost} and {@code 127.0.0.1}.
 *
 * <p>Made on first start and reused after, so a client that trusted the CA once keeps trusting the site; the
 * site certificate is made again when it is missing, expires within 30 days or was signed by an earlier CA. Keys
 * are EC P-256 and readable by the owner only.
 */
public final class DevCertificateAuthority {

    public static final String CA_CERTIFICATE = "dev-ca.crt";

    static final Duration CA_VALIDITY = Duration.ofDays(3650);

    // 397 days is the longest validity browsers accept for a server certificate.
    static final Duration LEAF_VALIDITY = Duration.ofDays(397);

    static final Duration RENEW_BEFORE = Duration.ofDays(30);

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
                KeyPair ca = CertificateIssuer.newKeyPair();
                PemFiles.write(caKey, ca.getPrivate());
                PemFiles.write(caCert, CertificateIssuer.authority("foobar-infra development CA", ca, CA_VALIDITY));
            }
            X509Certificate ca = PemFiles.readCertificate(caCert);
            if (!Files.exists(siteCert) || !Files.exists(siteKey)
                    || !CertificateIssuer.isCurrent(PemFiles.readCertificate(siteCert), ca, RENEW_BEFORE)) {
                KeyPair site = CertificateIssuer.newKeyPair();
                X509Certificate certificate = CertificateIssuer.leaf("www.foobar.com", site.getPublic(),
                        List.of("www.foobar.com", "foobar.com", "localhost"), List.of(KeyPurposeId.id_kp_serverAuth),
                        ca, PemFiles.readPrivateKey(caKey), LEAF_VALIDITY);
                PemFiles.write(siteKey, site.getPrivate());
                PemFiles.write(siteCert, certificate);
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

}
