package com.foobar.infra.problem;

import java.nio.charset.StandardCharsets;

import reactor.core.publisher.Mono;
import reactor.netty.Connection;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerResponse;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * A {@link NettyServerCustomizer} that gives a problem body to an error Spring's adapter answered with a bare
 * status, before any {@code WebFilter} or {@link ProblemDetailWebExceptionHandler} could see the request.
 *
 * <p>That is a request target that is not a valid URI at all ({@code %zz}, a lone {@code %}): Spring's
 * {@code ReactorHttpHandlerAdapter} sets {@code 400} and sends nothing. An exchange that sent its response's headers,
 * as every other one does, is left alone. What Reactor Netty's decoder refuses before that (a request line or
 * headers over its limits) gets its body from a {@link ProblemBodyEncoder} on each HTTP/1.1 connection.
 */
public class BareRefusalProblemCustomizer implements NettyServerCustomizer {

    @Override
    public HttpServer apply(HttpServer server) {
        return server.mapHandle((handled, connection) -> handled.then(Mono.defer(() -> problemIfBare(connection))))
            .doOnChannelInit((observer, channel, address) -> {
                // An HTTP/1.1 pipeline has its codec now; one negotiated by ALPN (HTTP/2 at the gateway) gets it
                // later, and there the application's own limits, set below the decoder's, answer first.
                if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
                    channel.pipeline().addAfter(NettyPipeline.HttpCodec, "foobar.problemBody",
                            new ProblemBodyEncoder());
                }
            });
    }

    private static Mono<Void> problemIfBare(Connection connection) {
        if (!(connection instanceof HttpServerResponse response) || response.hasSentHeaders()
                || response.status().code() < 400) {
            return Mono.empty();
        }
        byte[] body = ProblemBodyEncoder.body(response.status().code()).getBytes(StandardCharsets.UTF_8);
        return response.header(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE)
            .header(HttpHeaders.CONTENT_LENGTH, Integer.toString(body.length))
            .header(HttpHeaders.CONNECTION, "close")
            .sendByteArray(Mono.just(body))
            .then();
    }
}
