package com.foobar.infra.gateway.ratelimit;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * Token buckets by client address: each client gets {@code burst} tokens, refilled at {@code requestsPerSecond},
 * and a request takes one.
 *
 * <p>Buckets live in memory, one per client seen; when there are more than {@code maxClients}, the buckets of idle
 * clients (full again, so they lose nothing by being forgotten) are dropped, and if that is not enough, all of them:
 * a flood of new addresses then costs everyone their count, never the gateway its memory. Each gateway of the pair
 * counts on its own, so a client spread over both gets up to twice the rate, the usual trade-off of a limiter with no
 * shared store.
 */
@Component
@ConditionalOnBooleanProperty(name = "foobar.gateway.rate-limit.enabled", matchIfMissing = true)
public class ClientRateLimiter {

    private final double tokensPerNano;

    private final int burst;

    private final int maxClients;

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public ClientRateLimiter(RateLimitProperties properties) {
        this.tokensPerNano = properties.requestsPerSecond() / 1e9;
        this.burst = properties.burst();
        this.maxClients = properties.maxClients();
    }

    /**
     * Takes a token for a request of the client.
     *
     * @return {@link Duration#ZERO} when the request may go on, otherwise how long until the client may send again
     */
    public Duration acquire(String client) {
        long now = System.nanoTime();
        if (this.buckets.size() > this.maxClients) {
            forgetIdle(now);
        }
        return this.buckets.computeIfAbsent(client, (key) -> new Bucket(this.burst, now)).take(now);
    }

    private void forgetIdle(long now) {
        long fullAfterNanos = (long) (this.burst / this.tokensPerNano);
        this.buckets.values().removeIf((bucket) -> now - bucket.updated > fullAfterNanos);
        if (this.buckets.size() > this.maxClients) {
            this.buckets.clear();
        }
    }

    private final class Bucket {

        private double tokens;

        private long updated;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.updated = now;
        }

        synchronized Duration take(long now) {
            double rate = ClientRateLimiter.this.tokensPerNano;
            this.tokens = Math.min(ClientRateLimiter.this.burst, this.tokens + (now - this.updated) * rate);
            this.updated = now;
            if (this.tokens >= 1) {
                this.tokens -= 1;
                return Duration.ZERO;
            }
            return Duration.ofNanos((long) Math.ceil((1 - this.tokens) / rate));
        }
    }
}
