package com.foobar.infra.gateway;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The gateway's public address and listening options, bound from {@code foobar.gateway.*}.
 *
 * <p>Its backend groups are the load-balancing library's ({@code foobar.balancing.*}, see
 * {@link com.foobar.infra.balancing.config.BalancingProperties}).
 *
 * @param publicHost the canonical host name that redirects point at
 * @param publicHttpsPort the HTTPS port clients use, when it differs from the port this process listens on (a port
 *     mapping in front of it); {@code null} for the listening port
 * @param httpRedirectPort the plain HTTP port that redirects every request to HTTPS, {@code 0} for any free port
 * @param reusePort whether the listening sockets are opened with {@code SO_REUSEPORT}, so that both gateways of
 *     the pair can listen on the same port
 */
@Validated
@ConfigurationProperties("foobar.gateway")
public record FoobarGatewayProperties(@DefaultValue("www.foobar.com") @NotBlank String publicHost,
        @Nullable @Positive Integer publicHttpsPort, @DefaultValue("8080") int httpRedirectPort,
        @DefaultValue("true") boolean reusePort) {
}
