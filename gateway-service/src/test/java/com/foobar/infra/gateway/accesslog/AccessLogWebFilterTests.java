package com.foobar.infra.gateway.accesslog;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AccessLogWebFilterTests {

    @Test
    void shouldWriteMillisecondsWithOneDecimalRounded() {
        assertThat(AccessLogWebFilter.millis(3_100_000)).isEqualTo("3.1");
        assertThat(AccessLogWebFilter.millis(3_149_999)).isEqualTo("3.1");
        assertThat(AccessLogWebFilter.millis(3_150_000)).isEqualTo("3.2");
        assertThat(AccessLogWebFilter.millis(0)).isEqualTo("0.0");
        assertThat(AccessLogWebFilter.millis(49_999)).isEqualTo("0.0");
        assertThat(AccessLogWebFilter.millis(1_999_950_000L)).isEqualTo("2000.0");
    }
}
