package com.foobar.infra.web.infra;

import java.time.Duration;
import java.util.Optional;

import io.netty.channel.ChannelOption;
import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.timeout.ReadTimeoutException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import tools.jackson.databind.JsonNode;

import org.springframework.core.NestedExceptionUtils;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

import com.foobar.infra.web.infra.NodeReading.Readiness;

/**
 * Reads one service node's management endpoints as a monitoring client does: readiness, the Prometheus scrape
 * and, for an application server, its health details (the primary database as it sees it).
 *
 * <p>Non-blocking, and every request is cut off by Netty after the timeout (to connect, then between reads: a
 * cancelled exchange would log the late answer as an error); a node that refuses or fails reads as not
 * ready, one that does not answer in time as {@link Readiness#NO_ANSWER}, either with no metrics, never as an
 * error. Connections are pooled, and let go before the nodes' own idle timeouts could close one under a request.
 */
final class ManagementClient {

    static final String READINESS = "/actuator/health/readiness";

    static final String PROMETHEUS = "/actuator/prometheus";

    static final String HEALTH = "/actuator/health";

    // A scrape of an application server (dozens of histogram series) is a few hundred kB, more than the default.
    private static final int MAX_SCRAPE_BYTES = 8 * 1024 * 1024;

    private static final MediaType PROMETHEUS_TEXT = MediaType.parseMediaType("text/plain;version=0.0.4");

    private static final Duration MAX_IDLE = Duration.ofSeconds(10);

    private final ConnectionProvider connections;

    private static final Logger logger = LoggerFactory.getLogger(ManagementClient.class);

    private final WebClient client;

    ManagementClient(Duration timeout) {
        this.connections = ConnectionProvider.builder("foobar-infra").maxIdleTime(MAX_IDLE).build();
        HttpClient http = HttpClient.create(this.connections)
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) timeout.toMillis())
            .responseTimeout(timeout);
        this.client = WebClient.builder()
            .clientConnector(new ReactorClientHttpConnector(http))
            .codecs((codecs) -> codecs.defaultCodecs().maxInMemorySize(MAX_SCRAPE_BYTES))
            .build();
    }

    /**
     * @param node the node to read
     * @param withPrimary whether to ask an application server for its view of the primary too (its {@code db}
     *     health check runs a query there, so it is asked less often than the rest)
     */
    Mono<NodeReading> read(InfraProperties.Node node, boolean withPrimary) {
        String base = String.valueOf(node.management());
        Mono<Readiness> readiness = this.client.get()
            .uri(base + READINESS)
            .exchangeToMono((response) -> response.releaseBody()
                .thenReturn((response.statusCode().value() == 200) ? Readiness.READY : Readiness.NOT_READY))
            .onErrorResume((ex) -> {
                logger.debug("{} readiness: {}", node.name(), NestedExceptionUtils.getMostSpecificCause(ex));
                return Mono.just(isTimeout(ex) ? Readiness.NO_ANSWER : Readiness.NOT_READY);
            });
        Mono<Optional<PrometheusText>> metrics = this.client.get()
            .uri(base + PROMETHEUS)
            .accept(PROMETHEUS_TEXT)
            .retrieve()
            .bodyToMono(String.class)
            .map((text) -> Optional.of(PrometheusText.parse(text)))
            .onErrorReturn(Optional.empty())
            .defaultIfEmpty(Optional.empty());
        Mono<Optional<String>> primary = (withPrimary && node.role() == InfraProperties.Role.APP) ? primaryStatus(base)
                : Mono.just(Optional.empty());
        return Mono.zip(readiness, metrics, primary)
            .map((reading) -> new NodeReading(reading.getT1(), reading.getT2().orElse(null),
                    reading.getT3().orElse(null)));
    }

    /** Closes the pooled connections. */
    void close() {
        this.connections.dispose();
    }

    private static boolean isTimeout(Throwable ex) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof ReadTimeoutException || cause instanceof ConnectTimeoutException) {
                return true;
            }
        }
        return false;
    }

    /** The {@code db} component of the node's health (503 when down, with the same body). */
    private Mono<Optional<String>> primaryStatus(String base) {
        return this.client.get()
            .uri(base + HEALTH)
            .exchangeToMono((response) -> response.bodyToMono(JsonNode.class))
            .map((health) -> Optional.ofNullable(status(health.path("components").path("db"))))
            .onErrorReturn(Optional.empty())
            .defaultIfEmpty(Optional.empty());
    }

    private static @Nullable String status(JsonNode component) {
        JsonNode status = component.path("status");
        return status.isString() ? status.stringValue() : null;
    }

}
