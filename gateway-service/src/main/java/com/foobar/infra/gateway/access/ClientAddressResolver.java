package com.foobar.infra.gateway.access;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;

import com.foobar.infra.balancing.routing.ClientAddresses;
import org.jspecify.annotations.Nullable;

import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.stereotype.Component;

/**
 * The address of the client a request comes from, as the access rules, the rate limiter, source hashing and the
 * access log see it.
 *
 * <p>It is the connection's peer address, unless that peer is a trusted proxy: then the rightmost address in
 * {@code X-Forwarded-For} that is not itself a trusted proxy, as nginx's {@code real_ip_recursive}. Forwarded headers
 * from anyone else are ignored; believing them from any client is the mistake behind CVE-2025-41235.
 */
@Component
public class ClientAddressResolver implements ClientAddresses {

    private static final String ATTRIBUTE = ClientAddressResolver.class.getName() + ".address";

    private final List<CidrBlock> trustedProxies;

    public ClientAddressResolver(AccessProperties properties) {
        this.trustedProxies = properties.trustedProxies();
    }

    /** The client's address as text, {@code unknown} when the connection has none; computed once per exchange. */
    @Override
    public String resolve(ServerWebExchange exchange) {
        String cached = exchange.getAttribute(ATTRIBUTE);
        if (cached != null) {
            return cached;
        }
        InetAddress client = resolve(exchange.getRequest());
        String address = (client != null) ? client.getHostAddress() : "unknown";
        exchange.getAttributes().put(ATTRIBUTE, address);
        return address;
    }

    private @Nullable InetAddress resolve(ServerHttpRequest request) {
        InetSocketAddress remote = request.getRemoteAddress();
        InetAddress peer = (remote != null) ? remote.getAddress() : null;
        if (peer == null || !isTrusted(peer)) {
            return peer;
        }
        List<String> forwarded = request.getHeaders().getValuesAsList("X-Forwarded-For");
        for (int i = forwarded.size() - 1; i >= 0; i--) {
            InetAddress hop = parse(forwarded.get(i));
            if (hop == null) {
                return peer;
            }
            if (!isTrusted(hop)) {
                return hop;
            }
        }
        return peer;
    }

    private boolean isTrusted(InetAddress address) {
        return this.trustedProxies.stream().anyMatch((block) -> block.contains(address));
    }

    private static @Nullable InetAddress parse(String value) {
        try {
            return InetAddress.ofLiteral(value.trim());
        }
        catch (IllegalArgumentException ex) {
            return null;
        }
    }
}
