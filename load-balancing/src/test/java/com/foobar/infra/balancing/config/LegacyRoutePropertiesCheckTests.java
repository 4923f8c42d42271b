package com.foobar.infra.balancing.config;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;

class LegacyRoutePropertiesCheckTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withUserConfiguration(CheckConfiguration.class);

    @Test
    void shouldRefuseRoutesUnderThePre2025Prefix() {
        this.runner.withPropertyValues("spring.cloud.gateway.routes[0].id=web", "spring.cloud.gateway.routes[0].uri=lb://web")
            .run((context) -> assertThat(context).hasFailed().getFailure().rootCause()
                .hasMessageContaining("spring.cloud.gateway.routes[0]")
                .hasMessageContaining("spring.cloud.gateway.server.webflux.routes[0]"));
    }

    @Test
    void shouldAcceptRoutesUnderTheCurrentPrefix() {
        this.runner.withPropertyValues("spring.cloud.gateway.server.webflux.routes[0].id=web")
            .run((context) -> assertThat(context).hasNotFailed());
    }

    @Configuration(proxyBeanMethods = false)
    static class CheckConfiguration {

        @Bean
        LegacyRoutePropertiesCheck check(Environment environment) {
            return new LegacyRoutePropertiesCheck(environment);
        }
    }
}
