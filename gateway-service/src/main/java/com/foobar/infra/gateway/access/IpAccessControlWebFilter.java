package com.foobar.infra.gateway.access;

import java.net.InetAddress;
import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.stereotype.Component;

/**
 * A {@link WebFilter} that refuses with {@code 403} a client whose address is denied, or not allowed when an allow
 * list is set: the firewall rules of the seeds' third design, at the front door.
 */
@Component
public class IpAccessControlWebFilter implements WebFilter, Ordered {

    /** Right after the host check, before any work is spent on the request. */
    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

    private final ClientAddressResolver clientAddresses;

    private final List<CidrBlock> allow;

    private final List<CidrBlock> deny;

    public IpAccessControlWebFilter(ClientAddressResolver clientAddresses, AccessProperties properties) {
        this.clientAddresses = clientAddresses;
        this.allow = properties.allow();
        this.deny = properties.deny();
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (this.allow.isEmpty() && this.deny.isEmpty()) {
            return chain.filter(exchange);
        }
        String client = this.clientAddresses.resolve(exchange);
        InetAddress address = client.equals("unknown") ? null : InetAddress.ofLiteral(client);
        boolean refused = address == null || this.deny.stream().anyMatch((block) -> block.contains(address))
                || (!this.allow.isEmpty() && this.allow.stream().noneMatch((block) -> block.contains(address)));
        if (refused) {
            return Mono.error(new ResponseStatusException(HttpStatus.FORBIDDEN,
                    "Requests from " + client + " are not allowed here."));
        }
        return chain.filter(exchange);
    }
}
