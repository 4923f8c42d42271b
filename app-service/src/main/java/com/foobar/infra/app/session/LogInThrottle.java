package com.foobar.infra.app.session;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Counts failed log-ins per username and per client address with Resilience4j {@link RateLimiter}s, one permit per
 * failure, and refuses a log-in ({@link LogInThrottledException}, {@code 429}) while either has none left.
 *
 * <p>A refused log-in never checks the password, so it costs no hashing, and a right password tried after the
 * limit waits like a wrong one. Each failure and refusal is an audit line naming the username and address.
 */
@Component
public class LogInThrottle {

    private static final Logger audit = LoggerFactory.getLogger("com.foobar.infra.app.audit");

    private final LogInThrottleProperties properties;

    private final RateLimiterConfig perAccount;

    private final RateLimiterConfig perAddress;

    private final Map<String, RateLimiter> limiters = new ConcurrentHashMap<>();

    LogInThrottle(LogInThrottleProperties properties) {
        this.properties = properties;
        this.perAccount = config(properties.failuresPerAccount(), properties);
        this.perAddress = config(properties.failuresPerAddress(), properties);
    }

    /** Refuses the log-in while the username or the address has used up its failures. */
    void check(String username, String address) {
        if (exhausted(accountKey(username), this.perAccount) || exhausted(addressKey(address), this.perAddress)) {
            audit.warn("Log-in refused, too many failures: username={} address={}", printable(username), address);
            throw new LogInThrottledException(this.properties.period());
        }
    }

    /** Counts a failed log-in against the username and the address. */
    void failed(String username, String address) {
        audit.info("Log-in failed: username={} address={}", printable(username), address);
        limiter(accountKey(username), this.perAccount).acquirePermission();
        limiter(addressKey(address), this.perAddress).acquirePermission();
    }

    private boolean exhausted(String key, RateLimiterConfig config) {
        RateLimiter limiter = this.limiters.get(key);
        return limiter != null && limiter.getMetrics().getAvailablePermissions() <= 0;
    }

    private RateLimiter limiter(String key, RateLimiterConfig config) {
        if (this.limiters.size() >= this.properties.maxTracked()) {
            forgetRested();
        }
        return this.limiters.computeIfAbsent(key, (name) -> RateLimiter.of(name, config));
    }

    // Those with every permit back have nothing left to count.
    private void forgetRested() {
        this.limiters.values().removeIf((limiter) -> limiter.getMetrics().getAvailablePermissions()
                >= limiter.getRateLimiterConfig().getLimitForPeriod());
    }

    // A username is the client's text: no line breaks or escapes of its own in the audit log.
    private static String printable(String username) {
        return username.replaceAll("\\p{Cntrl}", "?");
    }

    private static String accountKey(String username) {
        return "account:" + username.toLowerCase(Locale.ROOT);
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }

    private static RateLimiterConfig config(int failures, LogInThrottleProperties properties) {
        return RateLimiterConfig.custom()
            .limitForPeriod(failures)
            .limitRefreshPeriod(properties.period())
            // A failure is counted at once, never waited for.
            .timeoutDuration(Duration.ZERO)
            .build();
    }
}
