package com.foobar.infra.web.infra;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * A {@link WebFilter} that owns the infrastructure page's addresses. While the view exists (a
 * {@link TopologyCollector}, see {@link InfraConfiguration}) it serves {@code infra.html} at {@code /infra} and
 * {@code /infra/}, through the static resource handler like every other page (same caching and conditional
 * requests), and starts the collector's polls so the page's first data request finds them under way. While the view
 * is off, every address of the page answers 404: the site would otherwise serve the static file like any other
 * page, an empty frame of a view that does not exist.
 */
@Component
class InfraPageWebFilter implements WebFilter, Ordered {

    static final String PATH = "/infra";

    private static final String PAGE = "/infra.html";

    private final @Nullable TopologyCollector collector;

    InfraPageWebFilter(ObjectProvider<TopologyCollector> collector) {
        this.collector = collector.getIfAvailable();
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
        boolean pageAddress = path.equals(PATH) || path.equals(PATH + "/");
        // The page's file and its precompressed variants (infra.html.gz, infra.html.br) too.
        if (!pageAddress && !path.startsWith(PAGE)) {
            return chain.filter(exchange);
        }
        if (this.collector == null) {
            return Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND));
        }
        boolean read = request.getMethod() == HttpMethod.GET || request.getMethod() == HttpMethod.HEAD;
        if (!pageAddress || !read) {
            return chain.filter(exchange);
        }
        this.collector.watch().subscribe();
        return chain.filter(exchange.mutate().request(request.mutate().path(PAGE).build()).build());
    }

}
