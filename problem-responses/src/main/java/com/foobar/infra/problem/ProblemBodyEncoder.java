package com.foobar.infra.problem;

import java.nio.charset.StandardCharsets;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * A Netty handler, just after the HTTP codec, that gives a problem body to an error response written without one:
 * what Reactor Netty's decoder answers itself, before any request reaches Spring, for a request line or headers
 * over its limits ({@code 414}, {@code 431}) or that it cannot parse ({@code 400}).
 *
 * <p>Every response Spring writes is left alone: those have a body already, or a content type, or are not errors.
 */
final class ProblemBodyEncoder extends ChannelOutboundHandlerAdapter {

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
        if (msg instanceof FullHttpResponse response && response.status().code() >= 400
                && response.content().readableBytes() == 0
                && !response.headers().contains(HttpHeaderNames.CONTENT_TYPE)) {
            byte[] body = body(response.status().code()).getBytes(StandardCharsets.UTF_8);
            FullHttpResponse problem = response.replace(Unpooled.wrappedBuffer(body));
            response.release();
            problem.headers().set(HttpHeaderNames.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
            super.write(ctx, problem, promise);
            return;
        }
        super.write(ctx, msg, promise);
    }

    /** A problem detail with this status and fixed wording: nothing of the request is echoed. */
    static String body(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        String title = (known != null) ? known.getReasonPhrase() : "Error";
        String detail = switch (status) {
            case 400 -> "The request is not valid HTTP: its target is not a valid URI or its headers are malformed.";
            case 413 -> "The request is too large.";
            case 414 -> "The request line is too long.";
            case 431 -> "The request header fields are too large.";
            default -> "The request was refused.";
        };
        return "{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\""
                + detail + "\"}";
    }
}
