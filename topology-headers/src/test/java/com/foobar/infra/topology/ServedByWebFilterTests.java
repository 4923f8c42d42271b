package com.foobar.infra.topology;

import org.junit.jupiter.api.Test;

import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;

class ServedByWebFilterTests {

    private final ServedByWebFilter filter = new ServedByWebFilter("web-2");

    private final MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/posts"));

    @Test
    void shouldNameThisNodeWhenNothingDownstreamDid() {
        serve(ignored -> Mono.empty());

        assertThat(this.exchange.getResponse().getHeaders().get(TopologyHeaders.SERVED_BY)).containsExactly("web-2");
    }

    @Test
    void shouldPrependThisNodeToProxiedServedBy() {
        serve(exchange -> {
            exchange.getResponse().getHeaders().set(TopologyHeaders.SERVED_BY, "app-2");
            return Mono.empty();
        });

        assertThat(this.exchange.getResponse().getHeaders().get(TopologyHeaders.SERVED_BY))
                .containsExactly("web-2, app-2");
    }

    @Test
    void shouldPrependThisNodeToEveryDownstreamTier() {
        ServedByWebFilter gateway = new ServedByWebFilter("gateway-1");
        gateway.filter(this.exchange, exchange -> {
            exchange.getResponse().getHeaders().set(TopologyHeaders.SERVED_BY, "web-2, app-2");
            return Mono.empty();
        }).then(this.exchange.getResponse().setComplete()).block();

        assertThat(this.exchange.getResponse().getHeaders().get(TopologyHeaders.SERVED_BY))
                .containsExactly("gateway-1, web-2, app-2");
    }

    private void serve(WebFilterChain downstream) {
        this.filter.filter(this.exchange, downstream).then(this.exchange.getResponse().setComplete()).block();
    }
}
