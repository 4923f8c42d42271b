package com.foobar.infra.gateway.limits;

import java.util.List;
import java.util.Map;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.stereotype.Component;

/**
 * A {@link WebFilter} that refuses a request whose target is too long with {@code 414}, one whose header fields are
 * too large with {@code 431} and one whose body is too large with {@code 413}, all as problem details.
 *
 * <p>A declared {@code Content-Length} over the limit is refused before anything is read or sent on. A chunked body
 * is counted as it streams and cut off at the limit; the request then fails with {@code 413} as long as the response
 * has not started.
 */
@Component
public class RequestSizeLimitWebFilter implements WebFilter, Ordered {

    private final long maxBodyBytes;

    private final long maxHeaderBytes;

    private final long maxUriBytes;

    public RequestSizeLimitWebFilter(RequestLimitsProperties properties) {
        this.maxUriBytes = properties.maxUriSize().toBytes();
        this.maxBodyBytes = properties.maxBodySize().toBytes();
        this.maxHeaderBytes = properties.maxHeaderSize().toBytes();
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 30;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        if (uriBytes(request) > this.maxUriBytes) {
            return Mono.error(refusal(HttpStatus.URI_TOO_LONG,
                    "The request target is longer than " + this.maxUriBytes + " bytes."));
        }
        if (headerBytes(request) > this.maxHeaderBytes) {
            return Mono.error(refusal(HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE,
                    "The request's header fields are larger than " + this.maxHeaderBytes + " bytes."));
        }
        long declared = request.getHeaders().getContentLength();
        if (declared > this.maxBodyBytes) {
            return Mono.error(tooLarge());
        }
        if (declared >= 0) {
            return chain.filter(exchange);
        }
        return chain.filter(exchange.mutate().request(new CountingRequest(request)).build());
    }

    private static long uriBytes(ServerHttpRequest request) {
        String query = request.getURI().getRawQuery();
        return request.getURI().getRawPath().length() + ((query != null) ? query.length() + 1 : 0);
    }

    private static long headerBytes(ServerHttpRequest request) {
        long total = 0;
        for (Map.Entry<String, List<String>> header : request.getHeaders().headerSet()) {
            for (String value : header.getValue()) {
                total += header.getKey().length() + value.length() + 4;
            }
        }
        return total;
    }

    private ErrorResponseException tooLarge() {
        return refusal(HttpStatus.CONTENT_TOO_LARGE,
                "The request body is larger than " + this.maxBodyBytes + " bytes.");
    }

    private static ErrorResponseException refusal(HttpStatus status, String detail) {
        return new ErrorResponseException(status, ProblemDetail.forStatusAndDetail(status, detail), null);
    }

    private final class CountingRequest extends ServerHttpRequestDecorator {

        CountingRequest(ServerHttpRequest delegate) {
            super(delegate);
        }

        @Override
        public Flux<DataBuffer> getBody() {
            long[] seen = new long[1];
            return super.getBody().handle((buffer, sink) -> {
                seen[0] += buffer.readableByteCount();
                if (seen[0] > RequestSizeLimitWebFilter.this.maxBodyBytes) {
                    DataBufferUtils.release(buffer);
                    sink.error(tooLarge());
                }
                else {
                    sink.next(buffer);
                }
            });
        }
    }
}
