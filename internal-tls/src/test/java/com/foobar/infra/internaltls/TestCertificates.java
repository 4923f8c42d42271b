package com.foobar.infra.internaltls;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
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
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Tier CAs and node certificates for the tests, as PEM files in one folder, made like the launcher's: EC P-256,
 * node certificates for {@code localhost} and {@code 127.0.0.1}, usable to serve and to call.
 */
final class TestCertificates {

    private final Path dir;

    TestCertificates(Path dir) {
        this.dir = dir;
    }

    /** Makes {@code <tier>-ca.crt} and returns a signer of node certificates in that tier. */
    Tier tier(String tier) throws Exception {
        KeyPair keys = newKeyPair();
        X500Name name = new X500Name("CN=" + tier + " tier CA");
        X509v3CertificateBuilder builder = builder(name, name, keys);
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        X509Certificate ca = sign(builder, keys.getPrivate());
        write(caCertificate(tier), ca);
        return new Tier(ca, keys.getPrivate());
    }

    Path caCertificate(String tier) {
        return this.dir.resolve(tier + "-ca.crt");
    }

    Path certificate(String node) {
        return this.dir.resolve(node + ".crt");
    }

    Path privateKey(String node) {
        return this.dir.resolve(node + ".key");
    }

    private static KeyPair newKeyPair() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private static X509v3CertificateBuilder builder(X500Name subject, X500Name issuer, KeyPair keys) {
        Instant now = Instant.now();
        return new JcaX509v3CertificateBuilder(issuer, BigInteger.valueOf(now.toEpochMilli()),
                Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(Duration.ofDays(1))), subject,
                keys.getPublic());
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey issuerKey) throws Exception {
        return new JcaX509CertificateConverter()
            .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKey)));
    }

    private static void write(Path file, Object object) throws IOException {
        StringWriter pem = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(pem)) {
            writer.writeObject(object instanceof PrivateKey key ? new JcaPKCS8Generator(key, null) : object);
        }
        Files.writeString(file, pem.toString());
    }

    final class Tier {

        private final X509Certificate ca;

        private final PrivateKey caKey;

        private Tier(X509Certificate ca, PrivateKey caKey) {
            this.ca = ca;
            this.caKey = caKey;
        }

        /** Makes {@code <node>.crt} and {@code <node>.key}, signed by this tier's CA. */
        void node(String node) throws Exception {
            KeyPair keys = newKeyPair();
            X509v3CertificateBuilder builder = builder(new X500Name("CN=" + node),
                    X500Name.getInstance(this.ca.getSubjectX500Principal().getEncoded()), keys);
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(
                    new KeyPurposeId[] { KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth }));
            builder.addExtension(Extension.subjectAlternativeName, false,
                    new GeneralNames(new GeneralName[] { new GeneralName(GeneralName.dNSName, "localhost"),
                            new GeneralName(GeneralName.iPAddress, "127.0.0.1") }));
            write(certificate(node), sign(builder, this.caKey));
            write(privateKey(node), keys.getPrivate());
        }

    }

}
