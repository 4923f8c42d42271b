package com.foobar.infra.topology;

import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * A {@link WebFilter} that puts this node's name in front of the {@code X-Served-By} header of every response.
 *
 * <p>The header is written just before the response commits, so a value copied in from a proxied response is
 * already there and is kept behind this node's name.
 */
public class ServedByWebFilter implements WebFilter {

    private final String nodeName;

    public ServedByWebFilter(String nodeName) {
        this.nodeName = nodeName;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpResponse response = exchange.getResponse();
        response.beforeCommit(() -> {
            HttpHeaders headers = response.getHeaders();
            headers.set(TopologyHeaders.SERVED_BY,
                    TopologyHeaders.servedBy(this.nodeName, headers.getOrEmpty(TopologyHeaders.SERVED_BY)));
            return Mono.empty();
        });
        return chain.filter(exchange);
    }
}
