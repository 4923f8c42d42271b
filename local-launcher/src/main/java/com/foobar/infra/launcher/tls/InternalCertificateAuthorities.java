package com.foobar.infra.launcher.tls;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;

import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.operator.OperatorCreationException;

/**
 * One development certificate authority per tier ({@code <tier>-ca.crt} / {@code .key}) and one certificate per
 * node ({@code <node>.crt} / {@code .key}) signed by its tier's CA, all in the {@code internal} folder beside the
 * site's certificates: what the tiers use for mutual TLS between each other.
 *
 * <p>A separate CA per tier is what lets a server tell its callers apart: web servers trust only the gateway
 * tier's CA, so no certificate of another tier (or from elsewhere) opens a connection to them. Each node
 * certificate names the node, {@code localhost} and {@code 127.0.0.1}, and may both serve and call (server and
 * client authentication). Made on first start and reused; a node certificate is made again when it is missing,
 * expires within 30 days or was signed by an earlier CA of its tier. Keys are readable by the owner only.
 */
public final class InternalCertificateAuthorities {

    private final Path dir;

    /** @param tlsDir the topology's TLS folder, the one {@link DevCertificateAuthority} uses */
    public InternalCertificateAuthorities(Path tlsDir) {
        this.dir = tlsDir.resolve("internal");
    }

    /** Makes whatever is missing or about to expire, for each tier and the nodes in it. */
    public void ensureCertificates(Map<String, List<String>> nodesByTier) {
        try {
            Files.createDirectories(this.dir);
            for (Map.Entry<String, List<String>> tier : nodesByTier.entrySet()) {
                X509Certificate ca = ensureAuthority(tier.getKey());
                PrivateKey caKey = PemFiles.readPrivateKey(caPrivateKey(tier.getKey()));
                for (String node : tier.getValue()) {
                    ensureNodeCertificate(node, ca, caKey);
                }
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not write the internal certificates in " + this.dir, ex);
        }
        catch (GeneralSecurityException | OperatorCreationException ex) {
            throw new IllegalStateException("Could not make the internal certificates", ex);
        }
    }

    public Path caCertificate(String tier) {
        return this.dir.resolve(tier + "-ca.crt");
    }

    public Path certificate(String node) {
        return this.dir.resolve(node + ".crt");
    }

    public Path privateKey(String node) {
        return this.dir.resolve(node + ".key");
    }

    private Path caPrivateKey(String tier) {
        return this.dir.resolve(tier + "-ca.key");
    }

    private X509Certificate ensureAuthority(String tier)
            throws IOException, GeneralSecurityException, OperatorCreationException {
        if (!Files.exists(caCertificate(tier)) || !Files.exists(caPrivateKey(tier))) {
            KeyPair ca = CertificateIssuer.newKeyPair();
            PemFiles.write(caPrivateKey(tier), ca.getPrivate());
            PemFiles.write(caCertificate(tier), CertificateIssuer.authority("foobar-infra " + tier + " tier CA", ca,
                    DevCertificateAuthority.CA_VALIDITY));
        }
        return PemFiles.readCertificate(caCertificate(tier));
    }

    private void ensureNodeCertificate(String node, X509Certificate ca, PrivateKey caKey)
            throws IOException, GeneralSecurityException, OperatorCreationException {
        if (Files.exists(certificate(node)) && Files.exists(privateKey(node)) && CertificateIssuer
            .isCurrent(PemFiles.readCertificate(certificate(node)), ca, DevCertificateAuthority.RENEW_BEFORE)) {
            return;
        }
        KeyPair keys = CertificateIssuer.newKeyPair();
        X509Certificate certificate = CertificateIssuer.leaf(node, keys.getPublic(), List.of(node, "localhost"),
                List.of(KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth), ca, caKey,
                DevCertificateAuthority.LEAF_VALIDITY);
        PemFiles.write(privateKey(node), keys.getPrivate());
        PemFiles.write(certificate(node), certificate);
    }

}
