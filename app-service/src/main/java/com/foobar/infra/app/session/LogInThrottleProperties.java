package com.foobar.infra.app.session;

import java.time.Duration;

import jakarta.validation.constraints.Positive;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How many failed log-ins are allowed before more are refused with {@code 429}, bound from
 * {@code foobar.log-in-throttle.*}.
 *
 * @param failuresPerAccount failed log-ins for one username within a period; past them, even the right password
 *     waits for the next period, so a guessed one is worth nothing during it
 * @param failuresPerAddress failed log-ins from one client address within a period, whatever the usernames: one
 *     client trying many accounts
 * @param period the window the counts are over, and the {@code Retry-After} of a refusal
 * @param maxTracked the most usernames and addresses counted at once; past it, those with no failure left to count
 *     are forgotten, so names made up by an attacker cannot fill the memory
 */
@Validated
@ConfigurationProperties("foobar.log-in-throttle")
public record LogInThrottleProperties(@DefaultValue("5") @Positive int failuresPerAccount,
        @DefaultValue("20") @Positive int failuresPerAddress,
        @DefaultValue("1m") @DurationMin(seconds = 1) Duration period,
        @DefaultValue("10000") @Positive int maxTracked) {
}
