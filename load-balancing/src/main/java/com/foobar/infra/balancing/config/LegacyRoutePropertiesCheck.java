package com.foobar.infra.balancing.config;

import java.util.List;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.core.env.Environment;

/**
 * Fails start-up when gateway routes or filters are configured under the prefix Spring Cloud Gateway used before
 * 2025 ({@code spring.cloud.gateway.routes}, ...), which version 5 silently ignores: a gateway that starts with none
 * of its routes answers every request with {@code 404} instead of refusing to start.
 */
public class LegacyRoutePropertiesCheck implements InitializingBean {

    private static final List<String> LEGACY = List.of("spring.cloud.gateway.routes",
            "spring.cloud.gateway.default-filters", "spring.cloud.gateway.httpclient",
            "spring.cloud.gateway.globalcors");

    private final Environment environment;

    public LegacyRoutePropertiesCheck(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void afterPropertiesSet() {
        for (ConfigurationPropertySource source : ConfigurationPropertySources.get(this.environment)) {
            if (source instanceof IterableConfigurationPropertySource names) {
                names.stream().filter(LegacyRoutePropertiesCheck::isLegacy).findFirst().ifPresent((name) -> {
                    throw new IllegalStateException(name + " is under Spring Cloud Gateway's old prefix, which it "
                            + "ignores; move it to spring.cloud.gateway.server.webflux."
                            + name.toString().substring("spring.cloud.gateway.".length()));
                });
            }
        }
    }

    private static boolean isLegacy(ConfigurationPropertyName name) {
        String text = name.toString();
        return LEGACY.stream().anyMatch((prefix) -> text.equals(prefix) || text.startsWith(prefix + ".")
                || text.startsWith(prefix + "["));
    }
}
