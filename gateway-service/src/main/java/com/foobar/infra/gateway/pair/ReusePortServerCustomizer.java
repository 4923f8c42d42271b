package com.foobar.infra.gateway.pair;

import java.net.StandardSocketOptions;

import io.netty.channel.ChannelOption;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.socket.nio.NioChannelOption;
import reactor.netty.http.server.HttpServer;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * A {@link NettyServerCustomizer} that opens the listening socket with {@code SO_REUSEPORT}, so the two gateways of
 * the pair listen on the same address and port and the kernel spreads new connections over both: active-active on
 * one machine, with no address to move when one of them dies.
 *
 * <p>When a gateway stops or is killed its socket closes and the kernel sends every new connection to the other one;
 * only the connections the dead one held are lost. Linux allows it only between processes of the same user.
 */
@Component
@ConditionalOnBooleanProperty(name = "foobar.gateway.reuse-port", matchIfMissing = true)
public class ReusePortServerCustomizer implements NettyServerCustomizer {

    @Override
    public HttpServer apply(HttpServer server) {
        return reusePort(server);
    }

    /** Sets {@code SO_REUSEPORT} for the transport Reactor Netty will use: native epoll where present, else NIO. */
    public static HttpServer reusePort(HttpServer server) {
        ChannelOption<Boolean> option = Epoll.isAvailable() ? EpollChannelOption.SO_REUSEPORT
                : NioChannelOption.of(StandardSocketOptions.SO_REUSEPORT);
        return server.option(option, true);
    }
}
