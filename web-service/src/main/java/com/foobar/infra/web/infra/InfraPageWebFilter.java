package com.foobar.infra.web.infra;

import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * A {@link WebFilter} that serves the page {@code infra.html} at {@code /infra}, through the static resource
 * handler like every other page (same caching and conditional requests), and starts the collector's polls so the
 * page's first data request finds them under way.
 */
class InfraPageWebFilter implements WebFilter, Ordered {

    static final String PATH = "/infra";

    static final String PAGE = "/infra.html";

    private final TopologyCollector collector;

    InfraPageWebFilter(TopologyCollector collector) {
        this.collector = collector;
    }

    @Override
    public int getOrder() {
        // Before the site's PagePathWebFilter: it would map /infra alone, but take /infra/ for a folder's index page.
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        String path = request.getPath().value();
        boolean pageRequest = request.getMethod() == HttpMethod.GET || request.getMethod() == HttpMethod.HEAD;
        if (!pageRequest || !(path.equals(PATH) || path.equals(PATH + "/"))) {
            return chain.filter(exchange);
        }
        this.collector.watch().subscribe();
        ServerHttpRequest pageRequestToFile = request.mutate().path(PAGE).build();
        return chain.filter(exchange.mutate().request(pageRequestToFile).build());
    }

}
