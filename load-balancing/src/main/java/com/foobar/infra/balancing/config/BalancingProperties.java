package com.foobar.infra.balancing.config;

import java.nio.file.Path;
import java.time.Duration;

import org.hibernate.validator.constraints.time.DurationMin;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the backend groups come from, bound from {@code foobar.balancing.*}.
 *
 * <p>The groups themselves ({@code foobar.balancing.groups.<name>}, see
 * {@link com.foobar.infra.balancing.pool.BackendGroupProperties}) are bound on their own, because they are reloaded
 * while the application runs.
 *
 * @param configFile a YAML file holding {@code foobar.balancing.groups}, watched and reloaded on change;
 *     {@code null} or empty to take the groups from the application's configuration, without reloads
 * @param configPollInterval how often the configuration file is checked for changes
 * @param preferred the backend this node prefers in every group that lists it and names no preferred backend of its
 *     own (a web server's own application server, {@code app-2} on {@code web-2}); {@code null} or empty for none
 */
@Validated
@ConfigurationProperties("foobar.balancing")
public record BalancingProperties(@Nullable String configFile,
        @DefaultValue("1s") @DurationMin(millis = 10) Duration configPollInterval, @Nullable String preferred) {

    /** The configuration file as a path, {@code null} when none is set (an empty value counts as none). */
    public @Nullable Path configPath() {
        return (this.configFile != null && !this.configFile.isBlank()) ? Path.of(this.configFile) : null;
    }
}
