package com.foobar.infra.balancing.routing;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.foobar.infra.balancing.balancer.BalancingAlgorithm;
import com.foobar.infra.balancing.metrics.BackendMetrics;
import com.foobar.infra.balancing.pool.Backend;
import com.foobar.infra.balancing.pool.BackendGroup;
import com.foobar.infra.balancing.pool.BackendGroupProperties;
import com.foobar.infra.balancing.pool.BackendGroupProperties.Ejection;
import com.foobar.infra.balancing.pool.BackendGroupProperties.HealthCheck;
import com.foobar.infra.balancing.pool.BackendGroupProperties.Server;
import com.foobar.infra.balancing.pool.BackendGroupRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What one answered try counts toward its backend's passive health: its own failures, never the client's.
 */
class BackendAttemptTests {

    private final BackendMetrics metrics = new BackendMetrics(new SimpleMeterRegistry());

    private final BackendGroup group = group();

    @Test
    void shouldNeverEjectForAnswersThatDescribeTheRequest() {
        Backend backend = this.group.backends().getFirst();

        for (HttpStatus status : List.of(HttpStatus.BAD_REQUEST, HttpStatus.URI_TOO_LONG, HttpStatus.NOT_IMPLEMENTED,
                HttpStatus.HTTP_VERSION_NOT_SUPPORTED, HttpStatus.BAD_REQUEST)) {
            new BackendAttempt(this.group, backend, this.metrics).answered(answered(status));
        }

        assertThat(backend.errors()).isZero();
        assertThat(backend.isEjected()).isFalse();
        assertThat(backend.inFlight()).isZero();
    }

    @Test
    void shouldCountServerErrorsTowardEjection() {
        Backend backend = this.group.backends().getFirst();

        new BackendAttempt(this.group, backend, this.metrics).answered(answered(HttpStatus.INTERNAL_SERVER_ERROR));

        assertThat(backend.errors()).isOne();
        assertThat(backend.isEjected()).isTrue();
    }

    private static MockServerWebExchange answered(HttpStatus status) {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/posts"));
        exchange.getResponse().setStatusCode(status);
        return exchange;
    }

    private BackendGroup group() {
        List<Server> servers = List.of(new Server("web-1", URI.create("http://127.0.0.1:8101"), 1, null, false),
                new Server("web-2", URI.create("http://127.0.0.1:8102"), 1, null, false));
        BackendGroupProperties properties = new BackendGroupProperties(BalancingAlgorithm.ROUND_ROBIN, null,
                new HealthCheck(Duration.ofSeconds(1), Duration.ofSeconds(1), 2, 3),
                new Ejection(1, Duration.ofSeconds(10), 50, 50), 2, null, servers);
        return new BackendGroupRegistry(Map.of("web", properties), this.metrics).group("web");
    }
}
