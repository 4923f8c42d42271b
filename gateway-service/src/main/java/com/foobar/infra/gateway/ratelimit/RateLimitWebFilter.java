package com.foobar.infra.gateway.ratelimit;

import java.time.Duration;

import com.foobar.infra.gateway.access.ClientAddressResolver;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * A {@link WebFilter} that answers {@code 429 Too Many Requests} with a {@code Retry-After} in whole seconds when a
 * client goes over its rate (see {@link ClientRateLimiter}).
 */
@Component
@ConditionalOnBooleanProperty(name = "foobar.gateway.rate-limit.enabled", matchIfMissing = true)
public class RateLimitWebFilter implements WebFilter, Ordered {

    private final ClientAddressResolver clientAddresses;

    private final ClientRateLimiter limiter;

    public RateLimitWebFilter(ClientAddressResolver clientAddresses, ClientRateLimiter limiter) {
        this.clientAddresses = clientAddresses;
        this.limiter = limiter;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 20;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        Duration wait = this.limiter.acquire(this.clientAddresses.resolve(exchange));
        if (wait.isZero()) {
            return chain.filter(exchange);
        }
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        ErrorResponseException tooMany = new ErrorResponseException(HttpStatus.TOO_MANY_REQUESTS,
                ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
                        "Too many requests from your address; retry after " + seconds + " s."),
                null);
        tooMany.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        return Mono.error(tooMany);
    }
}
