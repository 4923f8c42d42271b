package com.foobar.infra.problem;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * A {@link WebFilter} that refuses, with a {@code 400} problem, a request whose target {@link RequestTargetCheck}
 * finds malformed, before any routing, static file lookup or forwarding.
 *
 * <p>A malformed request is the client's fault: answering it here keeps it from reaching the tier behind, where a
 * {@code 5xx} it might cause would count toward ejecting a healthy server.
 */
public class MalformedRequestWebFilter implements WebFilter, Ordered {

    /** Just after what must run first of all (the gateway's security headers, the web tier's infra page). */
    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 1;

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        @Nullable String problem = RequestTargetCheck.problem(exchange.getRequest().getURI().getRawPath(),
                exchange.getRequest().getURI().getRawQuery());
        if (problem != null) {
            return Mono.error(new ResponseStatusException(HttpStatus.BAD_REQUEST, problem));
        }
        return chain.filter(exchange);
    }
}
