package com.foobar.infra.internaltls;

import java.util.Arrays;

import io.netty.handler.ssl.SslContextBuilder;
import reactor.netty.http.Http11SslContextSpec;
import reactor.netty.http.Http2SslContextSpec;
import reactor.netty.http.HttpProtocol;
import reactor.netty.http.client.HttpClient;
import reactor.netty.tcp.SslProvider.ProtocolSslContextSpec;

import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.cloud.gateway.config.HttpClientCustomizer;

/**
 * An {@link HttpClientCustomizer} that makes Spring Cloud Gateway's proxy client present this node's certificate
 * and trust only the upstream tier's CA (the {@value InternalTlsBundleRegistrar#CLIENT} bundle), for every
 * {@code https} route. Host names are verified as usual, against the certificate's names ({@code 127.0.0.1} for
 * the local topology).
 *
 * <p>Gateway applies customizers after its own {@code httpclient.ssl} settings, so this one decides.
 */
class UpstreamTlsHttpClientCustomizer implements HttpClientCustomizer {

    private final SslBundles bundles;

    UpstreamTlsHttpClientCustomizer(SslBundles bundles) {
        this.bundles = bundles;
    }

    @Override
    public HttpClient customize(HttpClient client) {
        SslBundle bundle = this.bundles.getBundle(InternalTlsBundleRegistrar.CLIENT);
        // HTTP/2 is offered through ALPN only when the client speaks it, as Gateway's own SSL set-up does.
        ProtocolSslContextSpec spec = Arrays.asList(client.configuration().protocols()).contains(HttpProtocol.H2)
                ? Http2SslContextSpec.forClient() : Http11SslContextSpec.forClient();
        spec.configure((SslContextBuilder builder) -> builder.keyManager(bundle.getManagers().getKeyManagerFactory())
            .trustManager(bundle.getManagers().getTrustManagerFactory())
            .protocols(bundle.getOptions().getEnabledProtocols()));
        return client.secure((ssl) -> ssl.sslContext(spec));
    }

}
