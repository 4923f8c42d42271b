package com.foobar.infra.web.site;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * A {@link WebFilter} that maps a page's address to its file, as nginx's {@code index} and
 * {@code try_files $uri $uri.html} do: {@code /} serves {@code /index.html}, {@code /infra} serves {@code /infra.html}
 * when the site has that page.
 *
 * <p>The request goes on to the static resource handler with the file's path, so the page gets the same caching,
 * validators and precompressed variants as every other static file. Other requests, {@code /api/} and any path that
 * names no page ({@code /infra/topology}), pass unchanged.
 */
final class PagePathWebFilter implements WebFilter, Ordered {

    /** Before {@link VaryByEncodingWebFilter}, which must see the file's path. */
    static final int ORDER = Ordered.LOWEST_PRECEDENCE - 1;

    private static final String INDEX_PAGE = "index.html";

    private final StaticSiteFiles files;

    PagePathWebFilter(StaticSiteFiles files) {
        this.files = files;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        String path = request.getPath().value();
        boolean read = request.getMethod() == HttpMethod.GET || request.getMethod() == HttpMethod.HEAD;
        String page = path.endsWith("/") ? path + INDEX_PAGE : path + ".html";
        if (!read || path.startsWith("/api/") || !this.files.isPage(page)) {
            return chain.filter(exchange);
        }
        ServerHttpRequest pageRequest = request.mutate().path(page).build();
        return chain.filter(exchange.mutate().request(pageRequest).build());
    }
}
