package com.foobar.infra.gateway.access;

import java.net.URI;

import com.foobar.infra.balancing.routing.ForwardedHeaders;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * An {@link HttpHeadersFilter} that tells the web tier who the client is: {@code X-Forwarded-For} with the address
 * {@link ClientAddressResolver} settled on, and the scheme, host and port the client used.
 *
 * <p>It runs after Spring Cloud Gateway's own filters, which drop every forwarded header a client sent (no trusted
 * proxies are configured there), so what reaches the web tier is the gateway's word only: one address, never a
 * list a client started. The web tier should believe these headers from the gateways alone.
 */
@Component
public class ClientForwardedHeadersFilter implements HttpHeadersFilter, Ordered {

    private final ClientAddressResolver clientAddresses;

    public ClientForwardedHeadersFilter(ClientAddressResolver clientAddresses) {
        this.clientAddresses = clientAddresses;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        URI uri = exchange.getRequest().getURI();
        return ForwardedHeaders.replace(input, this.clientAddresses.resolve(exchange), uri.getScheme(), uri.getHost(),
                (uri.getPort() != -1) ? Integer.toString(uri.getPort()) : null);
    }
}
