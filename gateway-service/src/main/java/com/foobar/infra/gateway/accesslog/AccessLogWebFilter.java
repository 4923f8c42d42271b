package com.foobar.infra.gateway.accesslog;

import java.util.Optional;

import com.foobar.infra.gateway.access.ClientAddressResolver;
import com.foobar.infra.balancing.pool.Backend;
import com.foobar.infra.balancing.routing.LoadBalancingGatewayFilter;
import com.foobar.infra.observability.RequestSpans;
import io.micrometer.tracing.Tracer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * A {@link WebFilter} that writes one line per request to the {@value #LOGGER} logger, as HAProxy's HTTP log
 * format does: client address, request line, status, the backend that answered ({@code -} when the gateway answered
 * itself: a redirect, a refusal, no backend) and the time to the response headers.
 *
 * <p>{@code 198.51.100.7 "GET /api/posts" 200 web-2 3.1 ms}. A request the client gives up on
 * before any response is logged with status {@code -}. The line is written in the request's span, so it carries the
 * trace id that the web and application tiers log for the same request; it replaces the observability module's
 * shorter access log on this tier.
 */
@Component
@ConditionalOnBooleanProperty(name = "foobar.gateway.access-log.enabled", matchIfMissing = true)
public class AccessLogWebFilter implements WebFilter, Ordered {

    static final String LOGGER = "foobar.gateway.access";

    private static final Logger log = LoggerFactory.getLogger(LOGGER);

    private final ClientAddressResolver clientAddresses;

    // Looked up once: an ObjectProvider lookup on every request cost 4 % of the gateway's CPU (docs/benchmarks.md).
    private final @Nullable Tracer tracer;

    public AccessLogWebFilter(ClientAddressResolver clientAddresses, ObjectProvider<Tracer> tracer) {
        this.clientAddresses = clientAddresses;
        this.tracer = tracer.getIfAvailable();
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 5;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long start = System.nanoTime();
        boolean[] logged = new boolean[1];
        exchange.getResponse().beforeCommit(() -> {
            logged[0] = true;
            HttpStatusCode status = exchange.getResponse().getStatusCode();
            write(exchange, (status != null) ? Integer.toString(status.value()) : "200", start);
            return Mono.empty();
        });
        return chain.filter(exchange).doOnCancel(() -> {
            if (!logged[0]) {
                write(exchange, "-", start);
            }
        });
    }

    private void write(ServerWebExchange exchange, String status, long start) {
        if (!log.isInfoEnabled()) {
            return;
        }
        ServerHttpRequest request = exchange.getRequest();
        Backend backend = exchange.getAttribute(LoadBalancingGatewayFilter.BACKEND_ATTRIBUTE);
        String client = this.clientAddresses.resolve(exchange);
        String millis = millis(System.nanoTime() - start);
        Runnable line = () -> log.info("{} \"{} {}\" {} {} {} ms", client, request.getMethod(),
                request.getURI().getRawPath(), status, (backend != null) ? backend.name() : "-", millis);
        Optional<ServerRequestObservationContext> observation = ServerRequestObservationContext
            .findCurrent(exchange.getAttributes());
        if (this.tracer != null && observation.isPresent()) {
            RequestSpans.inSpanOf(observation.get(), this.tracer, line);
        }
        else {
            line.run();
        }
    }

    /** {@code 3.1}: milliseconds with one decimal, without {@code String.format}'s parsing on every request. */
    static String millis(long nanos) {
        long tenths = (nanos + 50_000) / 100_000;
        return (tenths / 10) + "." + (tenths % 10);
    }
}
