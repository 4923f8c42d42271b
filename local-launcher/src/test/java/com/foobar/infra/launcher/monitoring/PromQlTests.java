package com.foobar.infra.launcher.monitoring;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PromQlTests {

    @Test
    void shouldFindTheMetricsBehindFunctionsMatchersAndGroupings() {
        assertThat(PromQl.metricNames("histogram_quantile(0.99, sum by (job, le) "
                + "(rate(http_server_requests_seconds_bucket{status=~\"5..\", uri!=\"/x(y)\"}[$__rate_interval])))"))
            .containsExactly("http_server_requests_seconds_bucket");
        assertThat(PromQl.metricNames("sum(a_total) / on (node) group_left count(b) > bool 0.5 and c offset 5m"))
            .containsExactly("a_total", "b", "c");
        assertThat(PromQl.metricNames("14 * 24 * 3600")).isEmpty();
    }

}
