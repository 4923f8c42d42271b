package com.foobar.infra.gateway.limits;

import java.time.Duration;

import jakarta.validation.constraints.Positive;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How long and how many connections a client may hold on the gateway's public ports (HTTPS and the HTTP redirect
 * port), bound from {@code foobar.gateway.connection-limits.*}: HAProxy's {@code timeout client} and
 * {@code timeout http-request}, nginx's {@code keepalive_timeout}, {@code client_header_timeout} and
 * {@code limit_conn}.
 *
 * @param idleTimeout how long a connection may go without a byte from the client while no request is in progress:
 *     kept alive between requests, or waiting for a request's header to go on (a half-sent request). TLS handshakes
 *     have Reactor Netty's own 10 s limit before that.
 * @param maxPerClient the most connections one client address may have open at once; the next is closed as soon as
 *     it is accepted. High enough for the load tests, which all come from one loopback address.
 */
@Validated
@ConfigurationProperties("foobar.gateway.connection-limits")
public record ConnectionLimitsProperties(@DefaultValue("15s") @DurationMin(millis = 100) Duration idleTimeout,
        @DefaultValue("512") @Positive int maxPerClient) {
}
