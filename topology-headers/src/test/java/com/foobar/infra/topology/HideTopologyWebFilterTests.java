package com.foobar.infra.topology;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;

class HideTopologyWebFilterTests {

    @Test
    void shouldRemoveTopologyHeadersCopiedFromProxiedResponse() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/posts"));

        new HideTopologyWebFilter().filter(exchange, proxied -> {
            HttpHeaders headers = proxied.getResponse().getHeaders();
            headers.set(TopologyHeaders.SERVED_BY, "web-2, app-2");
            headers.set(TopologyHeaders.DB_NODE, "db-replica-1");
            headers.set(HttpHeaders.CACHE_CONTROL, "no-store");
            return Mono.empty();
        }).then(exchange.getResponse().setComplete()).block();

        HttpHeaders headers = exchange.getResponse().getHeaders();
        assertThat(headers.containsHeader(TopologyHeaders.SERVED_BY)).isFalse();
        assertThat(headers.containsHeader(TopologyHeaders.DB_NODE)).isFalse();
        assertThat(headers.getFirst(HttpHeaders.CACHE_CONTROL)).isEqualTo("no-store");
    }
}
