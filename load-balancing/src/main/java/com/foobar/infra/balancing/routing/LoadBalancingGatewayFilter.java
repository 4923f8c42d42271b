package com.foobar.infra.balancing.routing;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import com.foobar.infra.balancing.metrics.BackendMetrics;
import com.foobar.infra.balancing.pool.Backend;
import com.foobar.infra.balancing.pool.BackendGroup;
import com.foobar.infra.balancing.pool.BackendGroupRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.RouteToRequestUrlFilter;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpCookie;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A {@link GlobalFilter} that resolves a route's {@code lb://<group>} URI to one backend of the group, and sends the
 * request to another backend when the connection to the chosen one fails.
 *
 * <p>It takes the place of Spring Cloud LoadBalancer's filter, for what that one lacks: a retry never goes back to a
 * backend the request already tried (HAProxy's {@code redispatch}); only a failure to connect, where nothing was sent,
 * is retried for every method, while a connection closed before the response is retried only for {@code GET},
 * {@code HEAD} and {@code OPTIONS}, so a request that may have changed something is never replayed; every outcome
 * counts toward the backend's passive health and metrics; and the sticky cookie is set on the response.
 */
public class LoadBalancingGatewayFilter implements GlobalFilter, Ordered {

    /** The exchange attribute holding the {@link Backend} the request was last sent to. */
    public static final String BACKEND_ATTRIBUTE = LoadBalancingGatewayFilter.class.getName() + ".backend";

    /** Where Spring Cloud LoadBalancer's own filter would run: after the route's URL is known. */
    public static final int ORDER = RouteToRequestUrlFilter.ROUTE_TO_URL_FILTER_ORDER + 150;

    private static final Logger logger = LoggerFactory.getLogger(LoadBalancingGatewayFilter.class);

    private final BackendGroupRegistry registry;

    private final ClientAddresses clientAddresses;

    private final BackendMetrics metrics;

    public LoadBalancingGatewayFilter(BackendGroupRegistry registry, ClientAddresses clientAddresses,
            BackendMetrics metrics) {
        this.registry = registry;
        this.clientAddresses = clientAddresses;
        this.metrics = metrics;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        URI url = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR);
        if (url == null || !"lb".equals(url.getScheme())) {
            return chain.filter(exchange);
        }
        BackendGroup group = this.registry.group(url.getHost());
        if (group == null) {
            return Mono.error(new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE,
                    "No backend group named " + url.getHost()));
        }
        ServerWebExchangeUtils.addOriginalRequestUrl(exchange, url);
        return send(exchange, chain, group, url, new ArrayList<>(2), null);
    }

    private Mono<Void> send(ServerWebExchange exchange, GatewayFilterChain chain, BackendGroup group, URI url,
            List<Backend> tried, @Nullable Throwable previousFailure) {
        String stickyCookie = group.properties().stickyCookie();
        String stickyToken = (stickyCookie != null) ? cookie(exchange, stickyCookie) : null;
        Backend backend = group.choose(this.clientAddresses.resolve(exchange), stickyToken, tried);
        if (backend == null) {
            // Every backend tried: the client learns how the last one failed (502 when it refused the connection).
            return Mono.error((previousFailure != null) ? previousFailure : new ResponseStatusException(
                    HttpStatus.SERVICE_UNAVAILABLE, "No backend of " + group.name() + " is in rotation"));
        }
        tried.add(backend);
        exchange.getAttributes().put(ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR, target(backend.uri(), url));
        exchange.getAttributes().put(BACKEND_ATTRIBUTE, backend);
        if (stickyCookie != null) {
            stick(exchange, stickyCookie, group.stickyToken(backend), stickyToken);
        }
        BackendAttempt attempt = new BackendAttempt(group, backend, this.metrics);
        return chain.filter(exchange)
            .then(Mono.defer(() -> (exchange.getAttribute(ServerWebExchangeUtils.CLIENT_RESPONSE_ATTR) != null)
                    ? Mono.<Void>empty() : Mono.error(new NoResponseException(backend.name()))))
            .doOnSuccess((done) -> attempt.answered(exchange))
            .doOnCancel(attempt::cancelled)
            .onErrorResume((ex) -> {
                Failure failure = Failure.of(ex);
                if (failure == Failure.CLIENT) {
                    attempt.cancelled();
                    return Mono.error(ex);
                }
                attempt.failed(failure);
                Throwable reported = reported(failure, backend, ex);
                if (tried.size() > group.properties().retries() || !failure.retryable(exchange.getRequest())) {
                    return Mono.error(reported);
                }
                logger.debug("Sending {} again: {} failed with {}", exchange.getRequest().getPath(), backend.name(),
                        ex.toString());
                this.metrics.retried(group.name(), backend);
                ServerWebExchangeUtils.reset(exchange);
                return send(exchange, chain, group, url, tried, reported);
            });
    }

    /** What the client learns: a timeout is a 504, any other failure of the backend a 502. */
    private static Throwable reported(Failure failure, Backend backend, Throwable ex) {
        if (failure == Failure.TIMEOUT || ex instanceof ResponseStatusException) {
            return ex;
        }
        return (failure == Failure.CLOSED) ? new NoResponseException(backend.name())
                : new ResponseStatusException(HttpStatus.BAD_GATEWAY, "Backend " + backend.name() + " failed", ex);
    }

    private static URI target(URI backend, URI requested) {
        return UriComponentsBuilder.fromUri(requested)
            .scheme(backend.getScheme())
            .host(backend.getHost())
            .port(backend.getPort())
            .build(true)
            .toUri();
    }

    private static @Nullable String cookie(ServerWebExchange exchange, String name) {
        HttpCookie cookie = exchange.getRequest().getCookies().getFirst(name);
        return (cookie != null) ? cookie.getValue() : null;
    }

    private static void stick(ServerWebExchange exchange, String name, String token, @Nullable String sent) {
        if (!token.equals(sent)) {
            exchange.getResponse().getCookies().set(name, ResponseCookie.from(name, token)
                .path("/").httpOnly(true).secure(true).sameSite("Lax").build());
        }
    }
}
