package com.foobar.infra.web.infra;

import java.util.Set;

import org.springframework.context.annotation.Conditional;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * A {@link WebFilter} that answers 404 for the infrastructure page while the view is off: the site would otherwise
 * serve the static {@code infra.html} at {@code /infra} like any other page, an empty frame of a view that does not
 * exist (the topology itself is never there: {@code /infra/topology} has no route then).
 */
@Component
@Conditional(InfraDisabledCondition.class)
class HiddenInfraPageWebFilter implements WebFilter, Ordered {

    private static final Set<String> PAGE_PATHS = Set.of(InfraPageWebFilter.PATH, InfraPageWebFilter.PATH + "/");

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().value();
        // The page's file and its precompressed variants (infra.html.gz, infra.html.br) too.
        if (PAGE_PATHS.contains(path) || path.startsWith(InfraPageWebFilter.PAGE)) {
            return Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND));
        }
        return chain.filter(exchange);
    }

}
