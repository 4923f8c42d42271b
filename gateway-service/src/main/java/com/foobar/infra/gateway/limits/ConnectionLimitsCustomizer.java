package com.foobar.infra.gateway.limits;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ConcurrentHashMap;

import reactor.netty.http.server.HttpServer;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.stereotype.Component;

/**
 * A {@link NettyServerCustomizer} that applies the {@link ConnectionLimitsProperties} to a public port: an idle
 * timeout, and a cap on the connections of each client address, counted over every port it is applied to.
 *
 * <p>A connection over the cap is closed as soon as it is accepted, before any TLS handshake, so a client holding
 * many idle connections costs no more than the cap.
 */
@Component
public class ConnectionLimitsCustomizer implements NettyServerCustomizer {

    private final ConnectionLimitsProperties properties;

    private final ConcurrentHashMap<InetAddress, Integer> open = new ConcurrentHashMap<>();

    public ConnectionLimitsCustomizer(ConnectionLimitsProperties properties) {
        this.properties = properties;
    }

    @Override
    public HttpServer apply(HttpServer server) {
        return server.idleTimeout(this.properties.idleTimeout()).doOnChannelInit((observer, channel, address) -> {
            if (!(channel.remoteAddress() instanceof InetSocketAddress socket) || socket.getAddress() == null) {
                return;
            }
            InetAddress client = socket.getAddress();
            if (!tryOpen(client)) {
                channel.close();
                return;
            }
            channel.closeFuture().addListener((closed) -> release(client));
        });
    }

    /** Connections open now from this address, for tests and diagnostics. */
    int openConnections(InetAddress client) {
        return this.open.getOrDefault(client, 0);
    }

    private boolean tryOpen(InetAddress client) {
        boolean[] opened = new boolean[1];
        this.open.compute(client, (address, count) -> {
            int current = (count != null) ? count : 0;
            opened[0] = current < this.properties.maxPerClient();
            return opened[0] ? current + 1 : count;
        });
        return opened[0];
    }

    private void release(InetAddress client) {
        this.open.computeIfPresent(client, (address, count) -> (count > 1) ? count - 1 : null);
    }
}
