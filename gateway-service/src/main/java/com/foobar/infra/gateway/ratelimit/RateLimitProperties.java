package com.foobar.infra.gateway.ratelimit;

import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Per-client request rate limit, bound from {@code foobar.gateway.rate-limit.*}: a token bucket per client address,
 * as HAProxy's {@code stick-table ... http_req_rate} with a {@code deny} above a rate.
 *
 * @param enabled whether requests are limited at all
 * @param requestsPerSecond the sustained rate each client may send
 * @param burst how many requests a client may send at once above the rate, after a quiet spell
 * @param maxClients how many client addresses are tracked; beyond it the longest idle are forgotten
 */
@Validated
@ConfigurationProperties("foobar.gateway.rate-limit")
public record RateLimitProperties(@DefaultValue("true") boolean enabled,
        @DefaultValue("200") @Positive double requestsPerSecond, @DefaultValue("400") @Positive int burst,
        @DefaultValue("100000") @Positive int maxClients) {
}
