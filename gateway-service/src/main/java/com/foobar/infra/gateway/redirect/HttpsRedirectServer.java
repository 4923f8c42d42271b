package com.foobar.infra.gateway.redirect;

import java.net.InetAddress;

import com.foobar.infra.gateway.FoobarGatewayProperties;
import com.foobar.infra.gateway.limits.ConnectionLimitsCustomizer;
import com.foobar.infra.gateway.pair.ReusePortServerCustomizer;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.util.Assert;

/**
 * A plain HTTP server, started and stopped with the application context, that answers every request with a
 * {@code 301} to the same path and query on the {@link CanonicalAddress canonical HTTPS address}.
 *
 * <p>It listens on {@code foobar.gateway.http-redirect-port} at the same address as the HTTPS server
 * ({@code server.address}), shared with the other gateway of the pair like the HTTPS port. It starts after the HTTPS
 * server, whose port the redirects may need.
 */
@Component
public class HttpsRedirectServer implements SmartLifecycle {

    private final CanonicalAddress canonicalAddress;

    private final @Nullable InetAddress bindAddress;

    private final int port;

    private final boolean reusePort;

    private final ConnectionLimitsCustomizer connectionLimits;

    private volatile @Nullable DisposableServer server;

    public HttpsRedirectServer(CanonicalAddress canonicalAddress, FoobarGatewayProperties properties,
            ServerProperties serverProperties, ConnectionLimitsCustomizer connectionLimits) {
        this.canonicalAddress = canonicalAddress;
        this.connectionLimits = connectionLimits;
        this.bindAddress = serverProperties.getAddress();
        this.port = properties.httpRedirectPort();
        this.reusePort = properties.reusePort();
    }

    @Override
    public void start() {
        // The same idle timeout and per-client cap as the HTTPS port, counted together with it.
        HttpServer http = this.connectionLimits.apply(HttpServer.create().port(this.port).handle(this::redirect));
        if (this.reusePort) {
            http = ReusePortServerCustomizer.reusePort(http);
        }
        if (this.bindAddress != null) {
            http = http.host(this.bindAddress.getHostAddress());
        }
        this.server = http.bindNow();
    }

    @Override
    public void stop() {
        DisposableServer running = this.server;
        if (running != null) {
            running.disposeNow();
            this.server = null;
        }
    }

    @Override
    public boolean isRunning() {
        return this.server != null;
    }

    /** The port this server listens on, once started. */
    public int port() {
        DisposableServer running = this.server;
        Assert.state(running != null, "The HTTP redirect server is not running");
        return running.port();
    }

    // 301 lets clients turn a POST into a GET; 308 keeps the method and body, so it is the answer to anything but a
    // read, as RFC 9110 §15.4.9 has it (301 stays for GET and HEAD, which every client understands).
    private Mono<Void> redirect(HttpServerRequest request, HttpServerResponse response) {
        boolean read = request.method() == HttpMethod.GET || request.method() == HttpMethod.HEAD;
        return response.status(read ? HttpResponseStatus.MOVED_PERMANENTLY : HttpResponseStatus.PERMANENT_REDIRECT)
                .header(HttpHeaderNames.LOCATION, this.canonicalAddress.httpsUrl(request.uri()).toString())
                .header(HttpHeaderNames.CONTENT_LENGTH, "0")
                .send();
    }
}
