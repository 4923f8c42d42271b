package com.foobar.infra.balancing.routing;

import java.io.IOException;
import java.net.ConnectException;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeoutException;

import javax.net.ssl.SSLHandshakeException;

import reactor.netty.http.client.PrematureCloseException;

import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.ResponseStatusException;

/**
 * How a request to a backend failed, and whether that allows sending it to another backend.
 */
enum Failure {

    /** No connection was made (refused, connect timeout, TLS handshake): nothing was sent, any request may go on. */
    CONNECT,

    /**
     * The connection closed or was reset before a response (a backend killed mid-request): the backend may have
     * acted, only safe methods go on.
     */
    CLOSED,

    /** No response in time: the backend may still be working, nothing goes on (HAProxy does not retry it either). */
    TIMEOUT,

    /** The client's own fault surfacing here (a body over the size limit while it streamed): not the backend's. */
    CLIENT,

    /** Anything else. */
    OTHER;

    private static final Set<HttpMethod> REPLAYABLE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    static Failure of(Throwable ex) {
        if (ex instanceof ErrorResponse response && response.getStatusCode().is4xxClientError()) {
            return CLIENT;
        }
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof SSLHandshakeException) {
                return CONNECT;
            }
            if (cause instanceof PrematureCloseException || cause instanceof NoResponseException) {
                return CLOSED;
            }
            if (cause instanceof TimeoutException || isGatewayTimeout(cause)) {
                return TIMEOUT;
            }
        }
        // Any other I/O error on the connection, such as a reset by a process that died (Netty's native
        // "Connection reset by peer"), is a connection lost before the response.
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException) {
                return CLOSED;
            }
        }
        return OTHER;
    }

    boolean retryable(ServerHttpRequest request) {
        return this == CONNECT || (this == CLOSED && REPLAYABLE.contains(request.getMethod()));
    }

    /** The metric tag: {@code connect}, {@code closed}, {@code timeout} or {@code other}. */
    String kind() {
        return name().toLowerCase(Locale.ROOT);
    }

    // Spring Cloud Gateway reports its response timeout as a 504 ResponseStatusException.
    private static boolean isGatewayTimeout(Throwable ex) {
        return ex instanceof ResponseStatusException status && status.getStatusCode().value() == 504;
    }
}
