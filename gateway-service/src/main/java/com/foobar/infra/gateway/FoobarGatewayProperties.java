package com.foobar.infra.gateway;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The gateway's view of the topology and of its public address, bound from {@code foobar.gateway.*}.
 *
 * <p>The launcher sets the backends with environment variables such as {@code FOOBAR_GATEWAY_BACKENDS_0_NAME=web-1}
 * and {@code FOOBAR_GATEWAY_BACKENDS_0_URI=http://127.0.0.1:8101}; a list from one property source replaces the
 * whole default list of {@code application.yml}.
 *
 * @param backends the web servers to balance over, at least one
 * @param publicHost the canonical host name that redirects point at
 * @param publicHttpsPort the HTTPS port clients use, when it differs from the port this process listens on (a port
 *     mapping in front of it); {@code null} for the listening port
 * @param httpRedirectPort the plain HTTP port that redirects every request to HTTPS, {@code 0} for any free port
 */
@Validated
@ConfigurationProperties("foobar.gateway")
public record FoobarGatewayProperties(@NotEmpty List<@Valid Backend> backends,
        @DefaultValue("www.foobar.com") @NotBlank String publicHost, @Nullable @Positive Integer publicHttpsPort,
        @DefaultValue("8080") int httpRedirectPort) {

    /**
     * One web server.
     *
     * @param name its node name, for example {@code web-1}
     * @param uri its base URI, for example {@code http://127.0.0.1:8101}
     */
    public record Backend(@NotBlank String name, @NotNull URI uri) {
    }
}
