package com.foobar.infra.topology;

import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * A {@link WebFilter} that removes every {@link TopologyHeaders topology header} from responses.
 *
 * <p>The headers are removed just before the response commits, so those copied in from a proxied response go too.
 */
public class HideTopologyWebFilter implements WebFilter {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpResponse response = exchange.getResponse();
        response.beforeCommit(() -> {
            TopologyHeaders.ALL.forEach(response.getHeaders()::remove);
            return Mono.empty();
        });
        return chain.filter(exchange);
    }
}
