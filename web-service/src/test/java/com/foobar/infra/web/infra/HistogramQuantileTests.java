package com.foobar.infra.web.infra;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class HistogramQuantileTests {

    @Test
    void shouldInterpolateWithinTheBucketTheRankFallsIn() {
        // 100 observations: 90 up to 10 ms, 8 more up to 100 ms, 2 more up to 500 ms.
        Map<Double, Double> buckets = Map.of(0.01, 90.0, 0.1, 98.0, 0.5, 100.0, Double.POSITIVE_INFINITY, 100.0);

        assertThat(HistogramQuantile.of(0.99, buckets)).isCloseTo(0.1 + 0.4 * 0.5, within(1e-9));
        assertThat(HistogramQuantile.of(0.5, buckets)).isCloseTo(0.01 * 50 / 90, within(1e-9));
    }

    @Test
    void shouldAnswerTheHighestFiniteBoundWhenTheRankIsInTheInfiniteBucket() {
        Map<Double, Double> buckets = Map.of(0.01, 1.0, 0.1, 2.0, Double.POSITIVE_INFINITY, 10.0);

        assertThat(HistogramQuantile.of(0.99, buckets)).isEqualTo(0.1);
    }

    @Test
    void shouldHaveNoQuantileWithoutObservations() {
        assertThat(HistogramQuantile.of(0.99, Map.of(0.01, 0.0, Double.POSITIVE_INFINITY, 0.0))).isNull();
        assertThat(HistogramQuantile.of(0.99, Map.of())).isNull();
    }

}
