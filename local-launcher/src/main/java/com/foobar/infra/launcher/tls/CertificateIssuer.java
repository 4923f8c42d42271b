package com.foobar.infra.launcher.tls;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.stream.Stream;

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
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Makes EC P-256 keys and signs X.509 certificates with them: self-signed authorities, and leaf certificates for
 * named hosts that always also name {@code 127.0.0.1}, since every node listens on loopback.
 */
final class CertificateIssuer {

    private CertificateIssuer() {
    }

    static KeyPair newKeyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
        return generator.generateKeyPair();
    }

    static X509Certificate authority(String commonName, KeyPair keys, Duration validity)
            throws GeneralSecurityException, OperatorCreationException, IOException {
        X500Name name = new X500Name("CN=" + commonName);
        X509v3CertificateBuilder builder = builder(name, name, keys.getPublic(), validity);
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        return sign(builder, keys.getPrivate());
    }

    static X509Certificate leaf(String commonName, PublicKey key, List<String> dnsNames, List<KeyPurposeId> usages,
            X509Certificate issuer, PrivateKey issuerKey, Duration validity)
            throws GeneralSecurityException, OperatorCreationException, IOException {
        X500Name issuerName = X500Name.getInstance(issuer.getSubjectX500Principal().getEncoded());
        X509v3CertificateBuilder builder = builder(new X500Name("CN=" + commonName), issuerName, key, validity);
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        builder.addExtension(Extension.authorityKeyIdentifier, false,
                new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(issuer.getPublicKey()));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
        builder.addExtension(Extension.extendedKeyUsage, false,
                new ExtendedKeyUsage(usages.toArray(KeyPurposeId[]::new)));
        GeneralName[] names = Stream
            .concat(dnsNames.stream().map((name) -> new GeneralName(GeneralName.dNSName, name)),
                    Stream.of(new GeneralName(GeneralName.iPAddress, "127.0.0.1")))
            .toArray(GeneralName[]::new);
        builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names));
        return sign(builder, issuerKey);
    }

    /** Whether {@code certificate} was signed by {@code issuer} and stays valid for at least {@code margin}. */
    static boolean isCurrent(X509Certificate certificate, X509Certificate issuer, Duration margin) {
        try {
            certificate.verify(issuer.getPublicKey());
        }
        catch (GeneralSecurityException ex) {
            return false;
        }
        return certificate.getNotAfter().toInstant().isAfter(Instant.now().plus(margin));
    }

    private static X509v3CertificateBuilder builder(X500Name subject, X500Name issuer, PublicKey key,
            Duration validity) throws GeneralSecurityException, IOException {
        Instant now = Instant.now();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer,
                new BigInteger(64, new SecureRandom()), Date.from(now.minus(Duration.ofMinutes(5))),
                Date.from(now.plus(validity)), subject, key);
        builder.addExtension(Extension.subjectKeyIdentifier, false,
                new JcaX509ExtensionUtils().createSubjectKeyIdentifier(key));
        return builder;
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey issuerKey)
            throws GeneralSecurityException, OperatorCreationException {
        return new JcaX509CertificateConverter()
            .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKey)));
    }

}
