package com.foobar.infra.balancing.routing;

import java.net.InetSocketAddress;

import org.springframework.web.server.ServerWebExchange;

/**
 * Where {@link LoadBalancingGatewayFilter} learns a request's client address, which {@code source-hash} groups hash.
 *
 * <p>The library's own is the connection's peer address; an application that sits behind proxies it trusts supplies
 * a bean of its own that reads their forwarded headers (the gateway's {@code ClientAddressResolver}).
 */
@FunctionalInterface
public interface ClientAddresses {

    /**
     * The client's IP address as text.
     *
     * @param exchange the request
     * @return the address, {@code unknown} when there is none
     */
    String resolve(ServerWebExchange exchange);

    /** The connection's peer address, believing no header. */
    static ClientAddresses peer() {
        return (exchange) -> {
            InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
            return (remote != null && remote.getAddress() != null) ? remote.getAddress().getHostAddress() : "unknown";
        };
    }
}
