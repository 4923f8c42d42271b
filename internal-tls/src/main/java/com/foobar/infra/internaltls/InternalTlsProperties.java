package com.foobar.infra.internaltls;

import jakarta.validation.constraints.AssertTrue;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * This node's internal TLS, bound from {@code foobar.internal-tls.*} (environment {@code FOOBAR_INTERNAL_TLS_*}).
 * Each value is a resource location ({@code file:...}) or PEM text. With none of them set, the node speaks plain
 * HTTP, as in the services' own tests.
 *
 * @param certificate this node's certificate (PEM), presented when it serves and when it calls
 * @param privateKey the certificate's private key (PKCS#8 PEM)
 * @param callerCa the CA certificates of the tier that may call this node; when set, the main server speaks HTTPS
 *     only and refuses any client without a certificate they signed
 * @param upstreamCa the CA certificates of the tier this node calls; when set, proxied calls present
 *     {@code certificate} and accept only a server certificate they signed
 */
@Validated
@ConfigurationProperties("foobar.internal-tls")
public record InternalTlsProperties(@Nullable String certificate, @Nullable String privateKey,
        @Nullable String callerCa, @Nullable String upstreamCa) {

    /**
     * Whether the settings are all or nothing: half a configuration would leave a node serving plain HTTP while
     * its operator believes it requires certificates, so it stops start-up instead.
     */
    @AssertTrue(message = "needs certificate and private-key, and caller-ca (to serve) or upstream-ca (to call); "
            + "or none of them for plain HTTP")
    public boolean isComplete() {
        boolean none = this.certificate == null && this.privateKey == null && this.callerCa == null
                && this.upstreamCa == null;
        return none || (this.certificate != null && this.privateKey != null
                && (this.callerCa != null || this.upstreamCa != null));
    }

}
