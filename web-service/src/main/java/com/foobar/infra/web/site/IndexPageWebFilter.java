package com.foobar.infra.web.site;

import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * A {@link WebFilter} that serves a directory's {@code index.html} for a page request whose path ends in {@code /},
 * as nginx's {@code index} directive does.
 *
 * <p>The request goes on to the static resource handler, so the index page gets the same {@code Cache-Control} and
 * conditional request support as every other static file. {@code /api/} paths are left alone.
 */
@Component
public class IndexPageWebFilter implements WebFilter {

    private static final String INDEX_PAGE = "index.html";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        String path = request.getPath().value();
        boolean pageRequest = request.getMethod() == HttpMethod.GET || request.getMethod() == HttpMethod.HEAD;
        if (!pageRequest || !path.endsWith("/") || path.startsWith("/api/")) {
            return chain.filter(exchange);
        }
        ServerHttpRequest indexRequest = request.mutate().path(path + INDEX_PAGE).build();
        return chain.filter(exchange.mutate().request(indexRequest).build());
    }
}
