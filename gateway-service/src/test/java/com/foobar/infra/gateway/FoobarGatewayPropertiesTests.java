package com.foobar.infra.gateway;

import java.net.URI;
import java.util.Map;

import com.foobar.infra.gateway.FoobarGatewayProperties.Backend;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

class FoobarGatewayPropertiesTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(PropertiesConfiguration.class);

    @Test
    void shouldBindBackendsFromLauncherEnvironmentVariables() {
        Map<String, Object> environment = Map.of("FOOBAR_GATEWAY_BACKENDS_0_NAME", "web-1",
                "FOOBAR_GATEWAY_BACKENDS_0_URI", "http://127.0.0.1:8101", "FOOBAR_GATEWAY_BACKENDS_1_NAME", "web-2",
                "FOOBAR_GATEWAY_BACKENDS_1_URI", "http://127.0.0.1:8102");

        this.runner.withInitializer(context -> context.getEnvironment()
                .getPropertySources()
                .addFirst(new SystemEnvironmentPropertySource(
                        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environment)))
                .run(context -> {
                    FoobarGatewayProperties properties = context.getBean(FoobarGatewayProperties.class);
                    assertThat(properties.backends()).containsExactly(
                            new Backend("web-1", URI.create("http://127.0.0.1:8101")),
                            new Backend("web-2", URI.create("http://127.0.0.1:8102")));
                    assertThat(properties.publicHost()).isEqualTo("www.foobar.com");
                    assertThat(properties.publicHttpsPort()).isNull();
                    assertThat(properties.httpRedirectPort()).isEqualTo(8080);
                });
    }

    @Test
    void shouldRefuseToStartWithoutBackends() {
        this.runner.run(context -> assertThat(context).hasFailed()
                .getFailure()
                .hasStackTraceContaining("foobar.gateway.backends"));
    }

    @Test
    void shouldRefuseBackendWithoutUri() {
        this.runner.withPropertyValues("foobar.gateway.backends[0].name=web-1")
                .run(context -> assertThat(context).hasFailed()
                        .getFailure()
                        .hasStackTraceContaining("foobar.gateway.backends[0].uri"));
    }

    @EnableConfigurationProperties(FoobarGatewayProperties.class)
    static class PropertiesConfiguration {
    }
}
