package com.foobar.infra.gateway.headers;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.stereotype.Component;

/**
 * A {@link WebFilter} that adds the standard security headers to every response of the public site, the gateway's
 * own error responses included: HSTS (a browser that has seen the site once uses HTTPS only, even when the user types
 * {@code http://}), no MIME sniffing, no framing by other sites, and a referrer policy that keeps paths in-site.
 *
 * <p>A header the web tier already set (a stricter policy for one page) is left alone.
 */
@Component
public class SecurityHeadersWebFilter implements WebFilter, Ordered {

    // One year, the minimum for browsers' HSTS preload lists.
    static final String STRICT_TRANSPORT_SECURITY = "max-age=31536000; includeSubDomains";

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        exchange.getResponse().beforeCommit(() -> {
            HttpHeaders headers = exchange.getResponse().getHeaders();
            setIfAbsent(headers, "Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
            setIfAbsent(headers, "X-Content-Type-Options", "nosniff");
            setIfAbsent(headers, "X-Frame-Options", "DENY");
            setIfAbsent(headers, "Referrer-Policy", "strict-origin-when-cross-origin");
            return Mono.empty();
        });
        return chain.filter(exchange);
    }

    private static void setIfAbsent(HttpHeaders headers, String name, String value) {
        if (!headers.containsHeader(name)) {
            headers.set(name, value);
        }
    }
}
