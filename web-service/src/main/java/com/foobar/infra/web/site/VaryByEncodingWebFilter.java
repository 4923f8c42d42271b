package com.foobar.infra.web.site;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * A {@link WebFilter} that marks the response for a precompressed file with {@code Vary: Accept-Encoding}, as nginx's
 * {@code gzip_vary} does, whichever variant is sent and also on a {@code 304}.
 *
 * <p>Spring's resource handler adds the header only when it sends a {@code .gz} or {@code .br} variant. A shared cache
 * that stored the plain file without it would hand that plain copy to every client, and one that stored the gzip
 * copy without it would hand gzip to a client that cannot read it.
 */
final class VaryByEncodingWebFilter implements WebFilter, Ordered {

    private final StaticSiteFiles files;

    VaryByEncodingWebFilter(StaticSiteFiles files) {
        this.files = files;
    }

    // After PagePathWebFilter: "/" varies as "/index.html" does.
    @Override
    public int getOrder() {
        return PagePathWebFilter.ORDER + 1;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (this.files.isPrecompressed(exchange.getRequest().getPath().value())) {
            exchange.getResponse().beforeCommit(() -> {
                HttpHeaders headers = exchange.getResponse().getHeaders();
                if (!headers.getVary().contains(HttpHeaders.ACCEPT_ENCODING)) {
                    headers.add(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
                }
                return Mono.empty();
            });
        }
        return chain.filter(exchange);
    }
}
