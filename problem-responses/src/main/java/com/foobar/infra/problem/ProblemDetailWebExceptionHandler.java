package com.foobar.infra.problem;

import java.net.ConnectException;
import java.net.URI;
import java.util.List;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.ErrorResponse;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.result.view.ViewResolver;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;

/**
 * A {@link WebExceptionHandler} that answers every error with an RFC 9457 problem detail.
 *
 * <p>An {@link ErrorResponse} keeps its own status, body and headers: that is how the gateway answers {@code 503}
 * when no web server is in rotation, {@code 429} with its {@code Retry-After}, or {@code 413}. A tier behind this one that refuses the
 * connection gives {@code 502}, one that does not answer in time {@code 504}. The body never carries a stack trace or
 * an exception message that was not meant for clients: an unexpected exception becomes a generic {@code 500} and is
 * logged here instead. With {@link ProblemResponsesProperties#htmlErrorPages()} a browser's page request is passed
 * on untouched, and so is any error once the response is committed.
 */
// A plain WebExceptionHandler ordered just before Spring Boot's ErrorWebExceptionHandler (order -1), not a
// replacement for it: Boot's handler must stay to render the web tier's HTML error pages for what is passed on,
// and where nothing is passed on (the gateway) it is simply never reached.
public class ProblemDetailWebExceptionHandler implements WebExceptionHandler, Ordered {

    /**
     * This handler's order: before Spring Boot's {@code DefaultErrorWebExceptionHandler}, which has {@code -1}.
     */
    public static final int ORDER = -2;

    private static final Logger logger = LoggerFactory.getLogger(ProblemDetailWebExceptionHandler.class);

    private final ServerResponse.Context responseContext;

    private final boolean htmlErrorPages;

    private final String connectionRefused;

    private final String timedOut;

    private final String unexpectedError;

    private final String unavailable;

    public ProblemDetailWebExceptionHandler(ServerCodecConfigurer codecs, ProblemResponsesProperties properties) {
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
        this.htmlErrorPages = properties.htmlErrorPages();
        this.connectionRefused = "The " + properties.upstream() + " refused the connection or closed it without answering.";
        this.timedOut = "The " + properties.upstream() + " did not answer in time.";
        this.unexpectedError = "The " + properties.self() + " could not complete the request.";
        this.unavailable = "The " + properties.upstream() + " is not available; try again shortly.";
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
        if (exchange.getResponse().isCommitted()
                || (this.htmlErrorPages && isBrowserPageRequest(exchange.getRequest()))) {
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

    private static boolean isBrowserPageRequest(ServerHttpRequest request) {
        if (request.getPath().value().startsWith("/api/")) {
            return false;
        }
        try {
            return request.getHeaders().getAccept().stream().anyMatch(MediaType.TEXT_HTML::equalsTypeAndSubtype);
        }
        catch (InvalidMediaTypeException ex) {
            return false;
        }
    }

    private ProblemDetail problemFor(Throwable ex) {
        if (ex instanceof ErrorResponse errorResponse) {
            ProblemDetail problem = errorResponse.getBody();
            // Server-side details name internals (service ids, timeouts); the client gets our own wording.
            if (HttpStatus.valueOf(problem.getStatus()).is5xxServerError()) {
                problem.setDetail(serverErrorDetail(problem.getStatus()));
            }
            return problem;
        }
        if (hasCause(ex, ConnectException.class)) {
            return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY, this.connectionRefused);
        }
        if (hasCause(ex, TimeoutException.class)) {
            return ProblemDetail.forStatusAndDetail(HttpStatus.GATEWAY_TIMEOUT, this.timedOut);
        }
        logger.error("Unexpected error", ex);
        return ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR, this.unexpectedError);
    }

    private String serverErrorDetail(int status) {
        return switch (status) {
            case 502 -> this.connectionRefused;
            case 503 -> this.unavailable;
            case 504 -> this.timedOut;
            default -> this.unexpectedError;
        };
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
