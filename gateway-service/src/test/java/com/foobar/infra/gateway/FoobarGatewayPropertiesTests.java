package com.foobar.infra.gateway;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class FoobarGatewayPropertiesTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(PropertiesConfiguration.class);

    @Test
    void shouldDefaultToCanonicalHost() {
        this.runner.run(context -> {
            FoobarGatewayProperties properties = context.getBean(FoobarGatewayProperties.class);
            assertThat(properties.publicHost()).isEqualTo("www.foobar.com");
            assertThat(properties.publicHttpsPort()).isNull();
            assertThat(properties.httpRedirectPort()).isEqualTo(8080);
            assertThat(properties.reusePort()).isTrue();
        });
    }

    @Test
    void shouldRefuseBlankPublicHost() {
        this.runner.withPropertyValues("foobar.gateway.public-host= ")
            .run(context -> assertThat(context).hasFailed().getFailure().hasStackTraceContaining("public-host"));
    }

    @EnableConfigurationProperties(FoobarGatewayProperties.class)
    static class PropertiesConfiguration {
    }
}
