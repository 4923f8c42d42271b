package com.foobar.infra.gateway.host;

import java.util.List;
import java.util.regex.Pattern;

import com.foobar.infra.problem.MalformedRequestWebFilter;
import io.netty.handler.codec.http.HttpVersion;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * A {@link WebFilter} that refuses with a {@code 400} problem what RFC 9112 §3.2 says a server must: an HTTP/1.1
 * request without a {@code Host} header, with more than one, or with one that is not a host name or IP address
 * with an optional port ({@code a_b.example}, {@code evil@www.foobar.com}, {@code www.foobar.com evil}).
 *
 * <p>It runs before anything reads the host (the apex redirect, the served-host check, the access log), so no
 * other filter has to make sense of a Host header that is not one. HTTP/1.0 requests may omit it, as that version
 * allows; HTTP/2 requests carry {@code :authority}, which Netty turns into this header.
 */
@Component
public class HostHeaderWebFilter implements WebFilter, Ordered {

    // RFC 1123 names (letters, digits, inner hyphens; IPv4 addresses are such names too) or an IPv6 literal, then
    // an optional port. No underscore, user information, space or anything else RFC 3986 would read otherwise.
    private static final Pattern HOST = Pattern.compile("(?i)(?:(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)"
            + "(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*\\.?|\\[[0-9a-f:.]{2,45}])(?::[0-9]{1,5})?");

    @Override
    public int getOrder() {
        return MalformedRequestWebFilter.ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        List<String> hosts = request.getHeaders().getOrEmpty(HttpHeaders.HOST);
        if (hosts.isEmpty() && !isHttp10(request)) {
            return Mono.error(badRequest("An HTTP/1.1 request must have a Host header."));
        }
        if (hosts.size() > 1) {
            return Mono.error(badRequest("The request has more than one Host header."));
        }
        if (hosts.size() == 1 && (hosts.getFirst().length() > 260 || !HOST.matcher(hosts.getFirst()).matches())) {
            return Mono.error(badRequest("The Host header is not a host name or IP address with an optional port."));
        }
        return chain.filter(exchange);
    }

    private static boolean isHttp10(ServerHttpRequest request) {
        Object nativeRequest = ServerHttpRequestDecorator.getNativeRequest(request);
        return nativeRequest instanceof HttpServerRequest netty && HttpVersion.HTTP_1_0.equals(netty.version());
    }

    private static ErrorResponseException badRequest(String detail) {
        return new ErrorResponseException(HttpStatus.BAD_REQUEST,
                ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail), null);
    }
}
