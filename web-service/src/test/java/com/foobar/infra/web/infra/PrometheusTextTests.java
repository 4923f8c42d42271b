package com.foobar.infra.web.infra;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PrometheusTextTests {

    @Test
    void shouldReadNamesLabelsAndValuesSkippingComments() {
        PrometheusText text = PrometheusText.parse("""
                # HELP jvm_threads_live_threads The current number of live threads
                # TYPE jvm_threads_live_threads gauge
                jvm_threads_live_threads 42.0

                http_server_requests_seconds_count{method="GET",status="200",uri="/api/posts"} 17 1732233600000
                """);

        assertThat(text.samples()).containsExactly(
                new PrometheusText.Sample("jvm_threads_live_threads", Map.of(), 42.0),
                new PrometheusText.Sample("http_server_requests_seconds_count",
                        Map.of("method", "GET", "status", "200", "uri", "/api/posts"), 17.0));
    }

    @Test
    void shouldUnescapeLabelValuesWithCommasBracesAndQuotes() {
        PrometheusText text = PrometheusText.parse(
                "odd{a=\"x, y\",b=\"{z}\",c=\"say \\\"hi\\\"\",d=\"back\\\\slash\",e=\"two\\nlines\",} 1\n");

        assertThat(text.samples()).singleElement().satisfies((sample) -> assertThat(sample.labels()).containsOnly(
                Map.entry("a", "x, y"), Map.entry("b", "{z}"), Map.entry("c", "say \"hi\""),
                Map.entry("d", "back\\slash"), Map.entry("e", "two\nlines")));
    }

    @Test
    void shouldReadSpecialValues() {
        PrometheusText text = PrometheusText.parse("""
                a{le="+Inf"} +Inf
                b NaN
                c -Inf
                d 1.5E-4
                """);

        assertThat(text.samples()).extracting(PrometheusText.Sample::value)
            .containsExactly(Double.POSITIVE_INFINITY, Double.NaN, Double.NEGATIVE_INFINITY, 1.5E-4);
        assertThat(text.samples().getFirst().labels()).containsEntry("le", "+Inf");
    }

    @Test
    void shouldSkipLinesThatDoNotParseAndKeepTheOthers() {
        PrometheusText text = PrometheusText.parse("""
                good 1
                bad{unclosed="x} 2
                also_bad not-a-number
                9starts_with_digit 3
                fine 4
                """);

        assertThat(text.samples()).extracting(PrometheusText.Sample::name).containsExactly("good", "fine");
    }

    @Test
    void shouldSumSamplesWhoseLabelsPass() {
        PrometheusText text = PrometheusText.parse("""
                requests_total{uri="/api/posts"} 10
                requests_total{uri="/actuator/health"} 99
                requests_total{uri="/"} 5
                """);

        assertThat(text.sum("requests_total", (labels) -> !labels.get("uri").startsWith("/actuator")))
            .isEqualTo(15.0);
    }

}
