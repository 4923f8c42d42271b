package com.foobar.infra.gateway.redirect;

import java.net.URI;
import java.net.URISyntaxException;

import com.foobar.infra.gateway.FoobarGatewayProperties;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.web.server.reactive.context.ReactiveWebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;
import org.springframework.util.Assert;

/**
 * The site's canonical HTTPS address, {@code https://www.foobar.com[:port]}, and the redirect targets built on it.
 *
 * <p>The port is {@code foobar.gateway.public-https-port} when set, otherwise the port the HTTPS server listens on,
 * learnt when it starts; {@code 443} is left out of the URL.
 */
@Component
public class CanonicalAddress implements ApplicationListener<ReactiveWebServerInitializedEvent> {

    private static final int DEFAULT_HTTPS_PORT = 443;

    private final FoobarGatewayProperties properties;

    private volatile int listeningPort = -1;

    public CanonicalAddress(FoobarGatewayProperties properties) {
        this.properties = properties;
    }

    @Override
    public void onApplicationEvent(ReactiveWebServerInitializedEvent event) {
        // The management server starts its own web server in a child context; only the public one counts.
        if (event.getApplicationContext().getServerNamespace() == null) {
            this.listeningPort = event.getWebServer().getPort();
        }
    }

    /** The canonical host name, {@code www.foobar.com} by default. */
    public String host() {
        return this.properties.publicHost();
    }

    /**
     * Returns the canonical HTTPS URL of the path and query of a request.
     *
     * @param requested the requested URI; only its raw path and raw query are used
     * @return the URL on the canonical host and port, path {@code /} when the request had no absolute path
     */
    public URI httpsUrl(URI requested) {
        String rawPath = requested.getRawPath();
        String path = (rawPath != null && rawPath.startsWith("/")) ? rawPath : "/";
        String query = (requested.getRawQuery() != null) ? "?" + requested.getRawQuery() : "";
        return URI.create("https://" + authority() + path + query);
    }

    /**
     * Returns the canonical HTTPS URL of a raw HTTP request target ({@code /path?query} or an absolute URI).
     *
     * @param requestTarget the request target as received
     * @return the URL on the canonical host and port, or the site's root when the target is not a valid URI
     */
    public URI httpsUrl(String requestTarget) {
        try {
            return httpsUrl(new URI(requestTarget));
        }
        catch (URISyntaxException ex) {
            return httpsUrl(URI.create("/"));
        }
    }

    private String authority() {
        int port = httpsPort();
        return (port == DEFAULT_HTTPS_PORT) ? host() : host() + ":" + port;
    }

    private int httpsPort() {
        @Nullable Integer publicPort = this.properties.publicHttpsPort();
        if (publicPort != null) {
            return publicPort;
        }
        Assert.state(this.listeningPort > 0, "The HTTPS server has not started yet");
        return this.listeningPort;
    }
}
