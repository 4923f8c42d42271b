package com.foobar.infra.app.account;

import java.time.Duration;

import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The bulkhead around password hashing, bound from {@code foobar.password-hashing.*}.
 *
 * @param maxConcurrent how many hashes may run at once: about the cores the application server may give them
 * @param maxWait how long a log-in or sign-up waits for a place before it is refused with {@code 503}
 */
@Validated
@ConfigurationProperties("foobar.password-hashing")
public record PasswordHashingProperties(@DefaultValue("2") @Positive int maxConcurrent,
        @DefaultValue("2s") Duration maxWait) {
}
