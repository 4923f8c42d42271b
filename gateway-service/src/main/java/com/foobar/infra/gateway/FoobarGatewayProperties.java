package com.foobar.infra.gateway;

import java.nio.file.Path;
import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import org.hibernate.validator.constraints.time.DurationMin;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The gateway's public address and where its backend groups come from, bound from {@code foobar.gateway.*}.
 *
 * <p>The groups themselves ({@code foobar.gateway.groups.<name>}, see
 * {@link com.foobar.infra.gateway.pool.BackendGroupProperties}) are bound on their own, because they are reloaded
 * while the gateway runs.
 *
 * @param publicHost the canonical host name that redirects point at
 * @param publicHttpsPort the HTTPS port clients use, when it differs from the port this process listens on (a port
 *     mapping in front of it); {@code null} for the listening port
 * @param httpRedirectPort the plain HTTP port that redirects every request to HTTPS, {@code 0} for any free port
 * @param configFile a YAML file holding {@code foobar.gateway.groups}, watched and reloaded on change;
 *     {@code null} to take the groups from the application's configuration, without reloads
 * @param configPollInterval how often the configuration file is checked for changes
 * @param reusePort whether the listening sockets are opened with {@code SO_REUSEPORT}, so that both gateways of
 *     the pair can listen on the same port
 */
@Validated
@ConfigurationProperties("foobar.gateway")
public record FoobarGatewayProperties(@DefaultValue("www.foobar.com") @NotBlank String publicHost,
        @Nullable @Positive Integer publicHttpsPort, @DefaultValue("8080") int httpRedirectPort,
        @Nullable String configFile, @DefaultValue("1s") @DurationMin(millis = 10) Duration configPollInterval,
        @DefaultValue("true") boolean reusePort) {

    /** The configuration file as a path, {@code null} when none is set (an empty value counts as none). */
    public @Nullable Path configPath() {
        return (this.configFile != null && !this.configFile.isBlank()) ? Path.of(this.configFile) : null;
    }
}
