package com.foobar.infra.internaltls;

import java.util.Set;

import org.springframework.boot.autoconfigure.ssl.SslBundleRegistrar;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundleKey;
import org.springframework.boot.ssl.SslBundleRegistry;
import org.springframework.boot.ssl.SslOptions;
import org.springframework.boot.ssl.pem.PemSslStoreBundle;
import org.springframework.boot.ssl.pem.PemSslStoreDetails;

/**
 * An {@link SslBundleRegistrar} for this node's two internal bundles, both holding its own certificate:
 * {@value #SERVER} trusts the caller tier's CA and {@value #CLIENT} the upstream tier's. Each is registered only
 * when its CA is configured. Both allow TLS 1.2 and 1.3 only.
 */
class InternalTlsBundleRegistrar implements SslBundleRegistrar {

    static final String SERVER = "foobar-internal-server";

    static final String CLIENT = "foobar-internal-client";

    static final Set<String> PROTOCOLS = Set.of("TLSv1.3", "TLSv1.2");

    private final InternalTlsProperties properties;

    InternalTlsBundleRegistrar(InternalTlsProperties properties) {
        this.properties = properties;
    }

    @Override
    public void registerBundles(SslBundleRegistry registry) {
        if (this.properties.callerCa() != null) {
            registry.registerBundle(SERVER, bundleTrusting(this.properties.callerCa()));
        }
        if (this.properties.upstreamCa() != null) {
            registry.registerBundle(CLIENT, bundleTrusting(this.properties.upstreamCa()));
        }
    }

    private SslBundle bundleTrusting(String caCertificates) {
        PemSslStoreDetails own = PemSslStoreDetails.forCertificate(this.properties.certificate())
            .withPrivateKey(this.properties.privateKey());
        PemSslStoreBundle stores = new PemSslStoreBundle(own, PemSslStoreDetails.forCertificates(caCertificates));
        return SslBundle.of(stores, SslBundleKey.NONE, SslOptions.of(null, PROTOCOLS));
    }

}
