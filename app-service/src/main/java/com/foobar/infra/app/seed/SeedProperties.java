package com.foobar.infra.app.seed;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What a seed run creates, under {@code foobar.seed}; validated at start-up.
 *
 * @param users how many demo users ({@code demo-1} .. {@code demo-N}) there should be
 * @param posts how many posts to add, spread over the demo users (guest posts when there are none)
 */
@ConfigurationProperties("foobar.seed")
@Validated
public record SeedProperties(
        @DefaultValue("20") @Min(0) @Max(10_000) int users,
        @DefaultValue("500") @Min(0) @Max(1_000_000) int posts) {
}
