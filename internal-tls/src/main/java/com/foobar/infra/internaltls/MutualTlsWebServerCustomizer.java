package com.foobar.infra.internaltls;

import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.web.server.ConfigurableWebServerFactory;
import org.springframework.boot.web.server.Ssl;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;

/**
 * A {@link WebServerFactoryCustomizer} that makes the main web server (Reactor Netty or Tomcat) serve HTTPS with
 * the {@value InternalTlsBundleRegistrar#SERVER} bundle and require a client certificate signed by the caller
 * tier's CA: a client without one fails the TLS handshake before any HTTP is read.
 *
 * <p>It runs last, after Boot's own customizer has applied {@code server.ssl}. The management server is left as it
 * is: it is made in a child context, which applies only Boot's own customizers of the parent.
 */
class MutualTlsWebServerCustomizer implements WebServerFactoryCustomizer<ConfigurableWebServerFactory>, Ordered {

    private final SslBundles bundles;

    MutualTlsWebServerCustomizer(SslBundles bundles) {
        this.bundles = bundles;
    }

    @Override
    public void customize(ConfigurableWebServerFactory factory) {
        Ssl ssl = new Ssl();
        ssl.setBundle(InternalTlsBundleRegistrar.SERVER);
        ssl.setClientAuth(Ssl.ClientAuth.NEED);
        factory.setSslBundles(this.bundles);
        factory.setSsl(ssl);
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

}
