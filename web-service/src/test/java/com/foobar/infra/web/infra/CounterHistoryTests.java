package com.foobar.infra.web.infra;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CounterHistoryTests {

    private static final long SECOND = 1_000_000_000L;

    private final CounterHistory history = new CounterHistory(Duration.ofSeconds(10));

    @Test
    void shouldHaveNoRateFromOneSnapshot() {
        this.history.add(0, Map.of("requests", 100.0));

        assertThat(this.history.rate("requests", Duration.ofSeconds(3))).isNull();
    }

    @Test
    void shouldComputeTheRateOverTheWindowFromItsOldestSnapshot() {
        for (int second = 0; second <= 5; second++) {
            // 10 requests a second, then 40 a second from second 3 on.
            this.history.add(second * SECOND, Map.of("requests", second <= 2 ? 10.0 * second : 20 + 40.0 * (second - 2)));
        }

        assertThat(this.history.rate("requests", Duration.ofSeconds(3))).isEqualTo(40.0);
        assertThat(this.history.rate("requests", Duration.ofSeconds(1))).isEqualTo(40.0);
        assertThat(this.history.rate("requests", Duration.ofSeconds(10))).isEqualTo(140.0 / 5);
    }

    @Test
    void shouldStartAfreshWhenACounterShrinksAsAfterARestart() {
        this.history.add(0, Map.of("requests", 500.0));
        this.history.add(SECOND, Map.of("requests", 520.0));
        this.history.add(2 * SECOND, Map.of("requests", 3.0));

        assertThat(this.history.rate("requests", Duration.ofSeconds(3))).isNull();
        this.history.add(3 * SECOND, Map.of("requests", 13.0));
        assertThat(this.history.rate("requests", Duration.ofSeconds(3))).isEqualTo(10.0);
    }

    @Test
    void shouldForgetSnapshotsOlderThanItKeeps() {
        this.history.add(0, Map.of("requests", 0.0));
        this.history.add(20 * SECOND, Map.of("requests", 100.0));

        assertThat(this.history.rate("requests", Duration.ofSeconds(30))).isNull();
    }

    @Test
    void shouldGiveTheIncreaseOfEachCounterWithAPrefix() {
        this.history.add(0, Map.of("bucket:0.1", 5.0, "bucket:+Inf", 6.0, "requests", 6.0));
        this.history.add(10 * SECOND, Map.of("bucket:0.1", 15.0, "bucket:+Inf", 26.0, "requests", 26.0));

        assertThat(this.history.increase("bucket:", Duration.ofSeconds(10)))
            .containsOnly(Map.entry("bucket:0.1", 10.0), Map.entry("bucket:+Inf", 20.0));
    }

}
