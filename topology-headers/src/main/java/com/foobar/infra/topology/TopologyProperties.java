package com.foobar.infra.topology;

import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where this process sits in the topology, bound from {@code foobar.topology.*}.
 *
 * @param nodeName this node's name as the launcher and {@code ./foobar status} know it, for example {@code web-2}
 * @param headersEnabled whether responses show the topology ({@code true}, the local default) or have the topology
 *     headers removed ({@code false}, production profiles)
 */
@Validated
@ConfigurationProperties("foobar.topology")
public record TopologyProperties(@NotBlank String nodeName, @DefaultValue("true") boolean headersEnabled) {
}
