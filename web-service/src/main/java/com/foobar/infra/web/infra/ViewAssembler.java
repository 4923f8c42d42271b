package com.foobar.infra.web.infra;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import com.foobar.infra.web.infra.InfraProperties.Node;
import com.foobar.infra.web.infra.InfraProperties.Role;
import com.foobar.infra.web.infra.TopologyView.NodeView;

/**
 * Builds the {@link TopologyView} from the service nodes' last readings and counter histories.
 *
 * <p>A service node is {@code up} while its readiness endpoint answers 200. The databases have no management
 * endpoint of their own: they are seen through the application servers that use them. The primary is up when any
 * application server's {@code db} health says so; a replica is up while any application server keeps it in the
 * read rotation ({@code foobar.router.replica.eligible}), and down when every one that answered took it out.
 */
final class ViewAssembler {

    private static final double P99 = 0.99;

    private final InfraProperties properties;

    ViewAssembler(InfraProperties properties) {
        this.properties = properties;
    }

    TopologyView assemble(Instant now, Map<String, NodeReading> readings, Map<String, CounterHistory> histories) {
        List<Scraped> apps = this.properties.nodes()
            .stream()
            .filter((node) -> node.role() == Role.APP && readings.containsKey(node.name()))
            .map((node) -> new Scraped(readings.get(node.name()), histories.get(node.name())))
            .filter((app) -> app.reading().metrics() != null)
            .toList();
        List<NodeView> nodes = this.properties.nodes()
            .stream()
            .map((node) -> node.role().isDatabase() ? database(node, readings, apps)
                    : service(node, readings.get(node.name()), histories.get(node.name())))
            .toList();
        return new TopologyView(now, this.properties.pollInterval().toMillis(), seconds(this.properties.rateWindow()),
                seconds(this.properties.latencyWindow()), nodes);
    }

    private NodeView service(Node node, @Nullable NodeReading reading, CounterHistory history) {
        if (reading == null) {
            return new NodeView(node.name(), node.role().jsonName(), "unknown", null, null, null);
        }
        Double rps = null;
        Double p99 = null;
        if (reading.metrics() != null) {
            rps = history.rate(ServiceMetrics.REQUESTS, this.properties.rateWindow());
            Map<Double, Double> buckets = history.increase(ServiceMetrics.BUCKET, this.properties.latencyWindow())
                .entrySet()
                .stream()
                .collect(Collectors.toMap((bucket) -> bound(bucket.getKey()), Map.Entry::getValue, Double::sum));
            Double seconds = HistogramQuantile.of(P99, buckets);
            p99 = (seconds != null) ? seconds * 1000 : null;
        }
        String health = switch (reading.readiness()) {
            case READY -> "up";
            case NOT_READY -> "down";
            case NO_ANSWER -> "unknown";
        };
        return new NodeView(node.name(), node.role().jsonName(), health, round(rps), round(p99), null);
    }

    private NodeView database(Node node, Map<String, NodeReading> readings, List<Scraped> apps) {
        List<Double> rates = apps.stream()
            .map((app) -> app.history().rate(ServiceMetrics.CONNECTIONS + node.name(), this.properties.rateWindow()))
            .filter(Objects::nonNull)
            .toList();
        Double rps = rates.isEmpty() ? null : rates.stream().mapToDouble(Double::doubleValue).sum();
        if (node.role() == Role.DB_PRIMARY) {
            List<String> statuses = this.properties.nodes()
                .stream()
                .filter((app) -> app.role() == Role.APP && readings.containsKey(app.name()))
                .map((app) -> readings.get(app.name()).primaryStatus())
                .filter(Objects::nonNull)
                .toList();
            String health = statuses.contains("UP") ? "up" : statuses.isEmpty() ? "unknown" : "down";
            return new NodeView(node.name(), node.role().jsonName(), health, round(rps), null, null);
        }
        List<Double> eligible = gauge(apps, "eligible", node.name());
        String health = eligible.contains(1.0) ? "up" : eligible.isEmpty() ? "unknown" : "down";
        OptionalDouble lag = gauge(apps, "lag_seconds", node.name()).stream()
            .filter((seconds) -> !seconds.isNaN())
            .mapToDouble(Double::doubleValue)
            .max();
        return new NodeView(node.name(), node.role().jsonName(), health, round(rps), null,
                lag.isPresent() ? lag.getAsDouble() : null);
    }

    private static List<Double> gauge(List<Scraped> apps, String gauge, String replica) {
        return apps.stream()
            .map((app) -> ServiceMetrics.replicaGauge(app.reading().metrics(), gauge).get(replica))
            .filter(Objects::nonNull)
            .toList();
    }

    private static double bound(String bucket) {
        String le = bucket.substring(ServiceMetrics.BUCKET.length());
        return le.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le);
    }

    private static @Nullable Double round(@Nullable Double value) {
        return (value != null) ? Math.round(value * 10) / 10.0 : null;
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }

    /** An application server that answered its last scrape. */
    private record Scraped(NodeReading reading, CounterHistory history) {
    }

}
