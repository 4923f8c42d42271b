package com.foobar.infra.web.infra;

import org.jspecify.annotations.Nullable;

/**
 * What one poll of one service node found.
 *
 * @param ready whether its readiness endpoint answered 200 in time
 * @param metrics its Prometheus scrape; null when it did not answer in time
 * @param primaryStatus an application server's view of the primary database ({@code UP}, {@code DOWN}, from its
 *     {@code db} health component); null for other nodes, or when it did not say
 */
record NodeReading(boolean ready, @Nullable PrometheusText metrics, @Nullable String primaryStatus) {
}
