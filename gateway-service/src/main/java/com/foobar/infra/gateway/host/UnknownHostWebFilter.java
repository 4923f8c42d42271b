package com.foobar.infra.gateway.host;

import java.util.Locale;
import java.util.regex.Pattern;

import com.foobar.infra.gateway.FoobarGatewayProperties;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * A {@link WebFilter} that refuses, with {@code 421 Misdirected Request}, a request for a host this gateway does
 * not serve.
 *
 * <p>Served hosts: the canonical host, {@code localhost} and IP literals (direct access on the machine, health
 * checks, benchmarks). The bare domain never gets here: {@code ApexHostRedirectWebFilter} runs first.
 */
@Component
public class UnknownHostWebFilter implements WebFilter, Ordered {

    private static final Pattern IPV4_LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private final String publicHost;

    public UnknownHostWebFilter(FoobarGatewayProperties properties) {
        this.publicHost = properties.publicHost().toLowerCase(Locale.ROOT);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 3;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (isServed(exchange.getRequest().getURI().getHost())) {
            return chain.filter(exchange);
        }
        return Mono.error(new ResponseStatusException(HttpStatus.MISDIRECTED_REQUEST,
                "This gateway serves " + this.publicHost + " only."));
    }

    private boolean isServed(@Nullable String host) {
        if (host == null) {
            return true;
        }
        String name = host.toLowerCase(Locale.ROOT);
        return name.equals(this.publicHost) || name.equals("localhost") || name.startsWith("[")
                || IPV4_LITERAL.matcher(name).matches();
    }
}
