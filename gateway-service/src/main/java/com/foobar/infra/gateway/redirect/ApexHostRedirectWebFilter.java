package com.foobar.infra.gateway.redirect;

import java.net.URI;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * A {@link WebFilter} that answers a request for the bare domain ({@code foobar.com}, any port) with a {@code 301}
 * to the same path and query on the {@link CanonicalAddress canonical address}.
 *
 * <p>The bare domain is the canonical host without its {@code www.}; a canonical host without one has no bare
 * domain to redirect.
 */
@Component
public class ApexHostRedirectWebFilter implements WebFilter, Ordered {

    private static final String WWW = "www.";

    private final CanonicalAddress canonicalAddress;

    private final @Nullable String apexHost;

    public ApexHostRedirectWebFilter(CanonicalAddress canonicalAddress) {
        this.canonicalAddress = canonicalAddress;
        String host = canonicalAddress.host().toLowerCase(Locale.ROOT);
        this.apexHost = host.startsWith(WWW) ? host.substring(WWW.length()) : null;
    }

    @Override
    public int getOrder() {
        // After the Host header is known to be one (HostHeaderWebFilter).
        return Ordered.HIGHEST_PRECEDENCE + 2;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        URI requested = exchange.getRequest().getURI();
        if (this.apexHost == null || !this.apexHost.equalsIgnoreCase(requested.getHost())) {
            return chain.filter(exchange);
        }
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(HttpStatus.MOVED_PERMANENTLY);
        response.getHeaders().setLocation(this.canonicalAddress.httpsUrl(requested));
        return response.setComplete();
    }
}
