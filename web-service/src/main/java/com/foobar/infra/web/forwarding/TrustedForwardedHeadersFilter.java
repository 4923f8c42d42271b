package com.foobar.infra.web.forwarding;

import java.net.InetSocketAddress;
import java.net.URI;

import com.foobar.infra.balancing.routing.ForwardedHeaders;
import org.jspecify.annotations.Nullable;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;

/**
 * An {@link HttpHeadersFilter} that tells the application server who the client is, in {@code X-Forwarded-For},
 * {@code -Proto}, {@code -Host} and {@code -Port}, believing what came in only from the gateway tier.
 *
 * <p>From a {@link ForwardingProperties#trustedProxies() trusted} peer, the gateway's {@code X-Forwarded-For} goes on
 * with the gateway's own address appended ({@code 198.51.100.7, 127.0.0.1}, as nginx's
 * {@code $proxy_add_x_forwarded_for}), and its scheme, host and port as they are. From anyone else, every forwarded
 * header is dropped and the application server learns this connection's own peer and scheme. {@code Forwarded} is
 * never sent on: the gateway does not send one, and the application server reads the {@code X-Forwarded-*} headers.
 *
 * <p>Spring Cloud Gateway's own filters cannot do this: with {@code trusted-proxies} set, its {@code X-Forwarded-For}
 * keeps only the addresses of trusted proxies, so the client's address is lost; without it, they remove every
 * forwarded header (and this filter runs after them, reading the request's own headers).
 */
public class TrustedForwardedHeadersFilter implements HttpHeadersFilter, Ordered {

    private final ForwardingProperties properties;

    public TrustedForwardedHeadersFilter(ForwardingProperties properties) {
        this.properties = properties;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        ServerHttpRequest request = exchange.getRequest();
        InetSocketAddress remote = request.getRemoteAddress();
        @Nullable String peer = (remote != null && remote.getAddress() != null) ? remote.getAddress().getHostAddress()
                : null;
        HttpHeaders incoming = request.getHeaders();
        URI uri = request.getURI();
        boolean trusted = peer != null && this.properties.isTrusted(peer);
        @Nullable String forwardedFor = trusted ? incoming.getFirst("X-Forwarded-For") : null;
        @Nullable String ownPort = (uri.getPort() != -1) ? Integer.toString(uri.getPort()) : null;
        return ForwardedHeaders.replace(input, (forwardedFor != null) ? forwardedFor + ", " + peer : peer,
                pick(trusted, incoming, "X-Forwarded-Proto", uri.getScheme()),
                pick(trusted, incoming, "X-Forwarded-Host", uri.getHost()),
                pick(trusted, incoming, "X-Forwarded-Port", ownPort));
    }

    private static @Nullable String pick(boolean trusted, HttpHeaders incoming, String name, @Nullable String own) {
        String forwarded = trusted ? incoming.getFirst(name) : null;
        return (forwarded != null) ? forwarded : own;
    }
}
