package com.foobar.infra.gateway.error;

import java.net.ConnectException;
import java.net.URI;
import java.util.List;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.result.view.ViewResolver;
import org.springframework.web.server.ServerWebExchange;

/**
 * The gateway's {@link ErrorWebExceptionHandler} (in place of Spring Boot's): every error is answered with an
 * RFC 9457 problem detail.
 *
 * <p>A web server that refuses the connection gives {@code 502}, one that does not answer in time {@code 504}, no
 * web server at all {@code 503}. The body never carries a stack trace or an exception message that was not meant for
 * clients: an unexpected exception becomes a generic 500 and is logged here instead.
 */
@Component
@Order(-2)
public class ProblemDetailErrorWebExceptionHandler implements ErrorWebExceptionHandler {

    private static final Logger logger = LoggerFactory.getLogger(ProblemDetailErrorWebExceptionHandler.class);

    private final ServerResponse.Context responseContext;

    public ProblemDetailErrorWebExceptionHandler(ServerCodecConfigurer codecs) {
        this.responseContext = new ServerResponse.Context() {

            @Override
            public List<HttpMessageWriter<?>> messageWriters() {
                return codecs.getWriters();
            }

            @Override
            public List<ViewResolver> viewResolvers() {
                return List.of();
            }
        };
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(ex);
        }
        ProblemDetail problem = problemFor(ex);
        problem.setInstance(URI.create(exchange.getRequest().getURI().getRawPath()));
        return ServerResponse.status(problem.getStatus())
                .headers(headers -> copyErrorResponseHeaders(ex, headers))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyValue(problem)
                .flatMap(response -> response.writeTo(exchange, this.responseContext));
    }

    private static ProblemDetail problemFor(Throwable ex) {
        if (ex instanceof ErrorResponse errorResponse) {
            return errorResponse.getBody();
        }
        if (hasCause(ex, ConnectException.class)) {
            return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY,
                    "The web server did not accept the connection.");
        }
        if (hasCause(ex, TimeoutException.class)) {
            return ProblemDetail.forStatusAndDetail(HttpStatus.GATEWAY_TIMEOUT,
                    "The web server did not answer in time.");
        }
        logger.error("Unexpected error", ex);
        return ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "The gateway could not complete the request.");
    }

    // Keeps headers the status needs, such as Allow on 405.
    private static void copyErrorResponseHeaders(Throwable ex, HttpHeaders headers) {
        if (ex instanceof ErrorResponse errorResponse) {
            headers.addAll(errorResponse.getHeaders());
        }
    }

    private static boolean hasCause(Throwable ex, Class<? extends Throwable> type) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }
}
