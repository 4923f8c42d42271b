package com.foobar.infra.web.infra;

import java.util.Map;
import java.util.TreeMap;

/**
 * Builds a scrape as Micrometer's Prometheus registry writes it: the {@code http.server.requests} histogram of
 * one site URI and of the actuator's, and, for an application server, the replication router's meters.
 */
final class ScrapeText {

    private static final double[] BOUNDS = { 0.01, 0.1, 0.5, 1.0 };

    private final StringBuilder text = new StringBuilder("""
            # HELP http_server_requests_seconds
            # TYPE http_server_requests_seconds histogram
            """);

    /**
     * Requests to {@code uri}: {@code byBound} maps each bucket's upper bound to how many requests took at most
     * that long and more than the bound below (the +Inf bucket gets none).
     */
    ScrapeText requests(String uri, Map<Double, Integer> byBound) {
        int cumulative = 0;
        double sum = 0;
        Map<Double, Integer> sorted = new TreeMap<>(byBound);
        for (double bound : BOUNDS) {
            cumulative += sorted.getOrDefault(bound, 0);
            sum += sorted.getOrDefault(bound, 0) * bound;
            this.text.append(series("bucket", uri, ",le=\"" + bound + "\"")).append(cumulative).append('\n');
        }
        this.text.append(series("bucket", uri, ",le=\"+Inf\"")).append(cumulative).append('\n');
        this.text.append(series("count", uri, "")).append(cumulative).append('\n');
        this.text.append(series("sum", uri, "")).append(sum).append('\n');
        return this;
    }

    ScrapeText replica(String name, double lagSeconds, boolean eligible) {
        this.text.append("foobar_router_replica_lag_seconds{node=\"").append(name).append("\"} ")
            .append(Double.isNaN(lagSeconds) ? "NaN" : String.valueOf(lagSeconds)).append('\n')
            .append("foobar_router_replica_eligible{node=\"").append(name).append("\"} ")
            .append(eligible ? "1.0" : "0.0").append('\n');
        return this;
    }

    ScrapeText connections(String node, String role, int count) {
        this.text.append("foobar_router_connections_total{node=\"").append(node).append("\",role=\"").append(role)
            .append("\"} ").append(count).append(".0\n");
        return this;
    }

    private static String series(String suffix, String uri, String le) {
        return "http_server_requests_seconds_" + suffix + "{error=\"none\",exception=\"none\",method=\"GET\","
                + "outcome=\"SUCCESS\",status=\"200\",uri=\"" + uri + "\"" + le + "} ";
    }

    @Override
    public String toString() {
        return this.text.toString();
    }

}
