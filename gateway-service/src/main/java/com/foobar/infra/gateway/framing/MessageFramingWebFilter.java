package com.foobar.infra.gateway.framing;

import java.util.List;
import java.util.Locale;

import com.foobar.infra.problem.MalformedRequestWebFilter;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * A {@link WebFilter} that refuses a request whose body framing is ambiguous, the shape of request smuggling
 * (RFC 9112 §6.1, §6.3): {@code Transfer-Encoding} together with {@code Content-Length} is a {@code 400}, a transfer
 * coding other than {@code chunked} a {@code 501}. Both close the connection, since where the next request starts
 * on it is no longer known.
 *
 * <p>Netty already drops the {@code Content-Length} of a request that is {@code chunked} and also declares a
 * length, as RFC 9112 allows; what is left for here is a coding Netty does not frame by.
 */
@Component
public class MessageFramingWebFilter implements WebFilter, Ordered {

    @Override
    public int getOrder() {
        return MalformedRequestWebFilter.ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        HttpHeaders headers = exchange.getRequest().getHeaders();
        List<String> codings = headers.getOrEmpty(HttpHeaders.TRANSFER_ENCODING);
        if (codings.isEmpty()) {
            return chain.filter(exchange);
        }
        if (headers.containsHeader(HttpHeaders.CONTENT_LENGTH)) {
            return Mono.error(refusal(HttpStatus.BAD_REQUEST,
                    "The request has both Transfer-Encoding and Content-Length."));
        }
        String coding = String.join(",", codings).trim().toLowerCase(Locale.ROOT);
        if (!coding.equals("chunked")) {
            return Mono.error(refusal(HttpStatus.NOT_IMPLEMENTED,
                    "The request's Transfer-Encoding is not chunked; no other transfer coding is accepted."));
        }
        return chain.filter(exchange);
    }

    private static ErrorResponseException refusal(HttpStatus status, String detail) {
        ErrorResponseException refusal = new ErrorResponseException(status,
                ProblemDetail.forStatusAndDetail(status, detail), null);
        refusal.getHeaders().set(HttpHeaders.CONNECTION, "close");
        return refusal;
    }
}
