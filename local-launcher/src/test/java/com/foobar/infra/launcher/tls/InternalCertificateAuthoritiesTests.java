package com.foobar.infra.launcher.tls;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatException;

class InternalCertificateAuthoritiesTests {

    private static final Map<String, List<String>> TIERS = Map.of("gateway", List.of("gateway-1"), "web",
            List.of("web-1", "web-2"), "app", List.of("app-1", "app-2"));

    @TempDir
    Path tlsDir;

    @Test
    void shouldSignEachNodeWithItsOwnTiersCaOnly() throws Exception {
        InternalCertificateAuthorities authorities = new InternalCertificateAuthorities(this.tlsDir);
        authorities.ensureCertificates(TIERS);

        X509Certificate gatewayCa = read(authorities.caCertificate("gateway"));
        X509Certificate webCa = read(authorities.caCertificate("web"));
        X509Certificate web2 = read(authorities.certificate("web-2"));
        assertThatCode(() -> web2.verify(webCa.getPublicKey())).doesNotThrowAnyException();
        assertThatException().isThrownBy(() -> web2.verify(gatewayCa.getPublicKey()));
        assertThat(web2.getSubjectX500Principal().getName()).isEqualTo("CN=web-2");
        assertThat(webCa.getSubjectX500Principal().getName()).isEqualTo("CN=foobar-infra web tier CA");
        assertThat(webCa.getBasicConstraints()).isNotNegative();
        assertThat(gatewayCa.getPublicKey()).isNotEqualTo(webCa.getPublicKey());
    }

    @Test
    void shouldMakeNodeCertificatesThatServeAndCallUnderTheNodesNameAndLoopback() throws Exception {
        InternalCertificateAuthorities authorities = new InternalCertificateAuthorities(this.tlsDir);
        authorities.ensureCertificates(TIERS);

        X509Certificate app1 = read(authorities.certificate("app-1"));
        assertThat(app1.getExtendedKeyUsage()).containsExactly(KeyPurposeId.id_kp_serverAuth.getId(),
                KeyPurposeId.id_kp_clientAuth.getId());
        assertThat(app1.getSubjectAlternativeNames().stream().map((name) -> (Object) name.get(1)).toList())
            .containsExactly("app-1", "localhost", "127.0.0.1");
        assertThat(app1.getBasicConstraints()).isEqualTo(-1);
        assertThat(authorities.certificate("app-1")).isEqualTo(this.tlsDir.resolve("internal/app-1.crt"));
        for (String key : List.of("app-1.key", "gateway-1.key", "web-ca.key")) {
            assertThat(PosixFilePermissions
                .toString(Files.getPosixFilePermissions(this.tlsDir.resolve("internal").resolve(key))))
                .as(key)
                .isEqualTo("rw-------");
        }
    }

    @Test
    void shouldKeepEverythingOnASecondRun() throws Exception {
        InternalCertificateAuthorities authorities = new InternalCertificateAuthorities(this.tlsDir);
        authorities.ensureCertificates(TIERS);
        byte[] ca = Files.readAllBytes(authorities.caCertificate("app"));
        byte[] node = Files.readAllBytes(authorities.certificate("app-2"));
        byte[] key = Files.readAllBytes(authorities.privateKey("app-2"));

        new InternalCertificateAuthorities(this.tlsDir).ensureCertificates(TIERS);

        assertThat(authorities.caCertificate("app")).hasBinaryContent(ca);
        assertThat(authorities.certificate("app-2")).hasBinaryContent(node);
        assertThat(authorities.privateKey("app-2")).hasBinaryContent(key);
    }

    @Test
    void shouldRenewANodeCertificateThatExpiresSoon() throws Exception {
        InternalCertificateAuthorities authorities = new InternalCertificateAuthorities(this.tlsDir);
        authorities.ensureCertificates(TIERS);
        X509Certificate ca = read(authorities.caCertificate("web"));
        KeyPair keys = CertificateIssuer.newKeyPair();
        PemFiles.write(authorities.certificate("web-1"),
                CertificateIssuer.leaf("web-1", keys.getPublic(), List.of("web-1"),
                        List.of(KeyPurposeId.id_kp_serverAuth), ca,
                        PemFiles.readPrivateKey(this.tlsDir.resolve("internal/web-ca.key")), Duration.ofDays(10)));

        authorities.ensureCertificates(TIERS);

        X509Certificate renewed = read(authorities.certificate("web-1"));
        assertThat(renewed.getNotAfter().toInstant()).isAfter(Instant.now().plus(Duration.ofDays(300)));
        assertThatCode(() -> renewed.verify(ca.getPublicKey())).doesNotThrowAnyException();
    }

    @Test
    void shouldMakeTheTiersNodeCertificatesAgainWithANewCa() throws Exception {
        InternalCertificateAuthorities authorities = new InternalCertificateAuthorities(this.tlsDir);
        authorities.ensureCertificates(TIERS);
        byte[] otherTier = Files.readAllBytes(authorities.certificate("app-1"));
        Files.delete(this.tlsDir.resolve("internal/web-ca.key"));

        authorities.ensureCertificates(TIERS);

        X509Certificate newCa = read(authorities.caCertificate("web"));
        for (String node : List.of("web-1", "web-2")) {
            X509Certificate certificate = read(authorities.certificate(node));
            assertThatCode(() -> certificate.verify(newCa.getPublicKey())).as(node).doesNotThrowAnyException();
        }
        assertThat(authorities.certificate("app-1")).hasBinaryContent(otherTier);
    }

    private static X509Certificate read(Path file) throws Exception {
        return PemFiles.readCertificate(file);
    }

}
