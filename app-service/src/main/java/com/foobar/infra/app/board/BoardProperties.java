package com.foobar.infra.app.board;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the message board, under {@code foobar.board}; validated at start-up.
 *
 * @param guestPosts whether a visitor who is not logged in may post (as a guest, without an author); the brief's
 * first contract posts anonymously, so it is on unless turned off
 * @param maxRequestSize the largest request body accepted, declared or streamed; larger ones get a 413 problem
 */
@ConfigurationProperties("foobar.board")
@Validated
public record BoardProperties(
        @DefaultValue("true") boolean guestPosts,
        @DefaultValue("64KB") @NotNull DataSize maxRequestSize) {
}
