package com.foobar.infra.gateway.ratelimit;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClientRateLimiterTests {

    @Test
    void shouldAllowBurstThenSayHowLongToWait() {
        ClientRateLimiter limiter = new ClientRateLimiter(new RateLimitProperties(true, 2, 3, 100));

        for (int i = 0; i < 3; i++) {
            assertThat(limiter.acquire("198.51.100.1")).isZero();
        }
        Duration wait = limiter.acquire("198.51.100.1");

        assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofMillis(500));
        assertThat(limiter.acquire("198.51.100.2")).isZero();
    }

    @Test
    void shouldForgetIdleClientsBeyondTheLimit() {
        ClientRateLimiter limiter = new ClientRateLimiter(new RateLimitProperties(true, 1_000_000, 1, 2));

        for (int i = 0; i < 10; i++) {
            assertThat(limiter.acquire("client-" + i)).isZero();
        }
    }
}
