package com.foobar.infra.web.infra;

import org.jspecify.annotations.Nullable;

/**
 * What one poll of one service node found.
 *
 * @param readiness what its readiness endpoint said
 * @param metrics its Prometheus scrape; null when it did not answer in time
 * @param primaryStatus an application server's view of the primary database ({@code UP}, {@code DOWN}, from its
 *     {@code db} health component); null for other nodes, or when it did not say
 */
record NodeReading(Readiness readiness, @Nullable PrometheusText metrics, @Nullable String primaryStatus) {

    /** How a node's readiness endpoint answered. */
    enum Readiness {

        /** 200. */
        READY,

        /** Another status, a refused connection or a broken one: the node is not taking traffic. */
        NOT_READY,

        /** No answer within the timeout: maybe down, maybe only busy (a load test on a small machine). */
        NO_ANSWER

    }

}
