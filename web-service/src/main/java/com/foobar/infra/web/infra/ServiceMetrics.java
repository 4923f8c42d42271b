package com.foobar.infra.web.infra;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The meters the view reads from a service node's scrape, by their Prometheus names: the requests it served
 * ({@code http.server.requests}, a histogram on every tier: foobar-observability.yml) and, on an application
 * server, the replication router's view of each database node.
 *
 * <p>Requests to {@code /actuator/**} (this view's own polls, Prometheus' scrapes, the gateways' health checks)
 * are left out: they are not the site's traffic.
 */
final class ServiceMetrics {

    /** The counter of requests served, in {@link #counters}. */
    static final String REQUESTS = "requests";

    /** The prefix of the latency histogram's cumulative buckets in {@link #counters}, followed by the bound. */
    static final String BUCKET = "bucket:";

    /** The prefix of the connections each database node handed out in {@link #counters}, followed by its name. */
    static final String CONNECTIONS = "connections:";

    private ServiceMetrics() {
    }

    /** The counters of one scrape, summed over every label but the ones the view tells apart. */
    static Map<String, Double> counters(PrometheusText metrics) {
        Map<String, Double> counters = new LinkedHashMap<>();
        counters.put(REQUESTS, metrics.sum("http_server_requests_seconds_count", ServiceMetrics::isSiteTraffic));
        for (PrometheusText.Sample bucket : metrics.named("http_server_requests_seconds_bucket")) {
            if (isSiteTraffic(bucket.labels()) && bucket.labels().containsKey("le")) {
                counters.merge(BUCKET + bucket.labels().get("le"), bucket.value(), Double::sum);
            }
        }
        for (PrometheusText.Sample connections : metrics.named("foobar_router_connections_total")) {
            counters.merge(CONNECTIONS + connections.labels().getOrDefault("node", "?"), connections.value(),
                    Double::sum);
        }
        return counters;
    }

    /** An application server's replica gauge ({@code lag_seconds} or {@code eligible}) by replica name. */
    static Map<String, Double> replicaGauge(PrometheusText metrics, String gauge) {
        Map<String, Double> byReplica = new LinkedHashMap<>();
        for (PrometheusText.Sample sample : metrics.named("foobar_router_replica_" + gauge)) {
            byReplica.put(sample.labels().getOrDefault("node", "?"), sample.value());
        }
        return byReplica;
    }

    private static boolean isSiteTraffic(Map<String, String> labels) {
        return !labels.getOrDefault("uri", "").startsWith("/actuator");
    }

}
