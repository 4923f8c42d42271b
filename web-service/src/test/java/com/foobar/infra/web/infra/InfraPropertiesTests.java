package com.foobar.infra.web.infra;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

import com.foobar.infra.web.infra.InfraProperties.Role;

import static org.assertj.core.api.Assertions.assertThat;

class InfraPropertiesTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
        .withUserConfiguration(Properties.class);

    @Test
    void shouldBindTheNodesWithDefaultsForTheRest() {
        this.runner
            .withPropertyValues("foobar.infra.nodes[0].name=app-1", "foobar.infra.nodes[0].role=app",
                    "foobar.infra.nodes[0].management=http://127.0.0.1:8251", "foobar.infra.nodes[1].name=db-primary",
                    "foobar.infra.nodes[1].role=db-primary")
            .run((context) -> {
                InfraProperties properties = context.getBean(InfraProperties.class);
                assertThat(properties.enabled()).isTrue();
                assertThat(properties.pollInterval()).isEqualTo(Duration.ofSeconds(1));
                assertThat(properties.idleStop()).isEqualTo(Duration.ofSeconds(15));
                assertThat(properties.nodes()).containsExactly(
                        new InfraProperties.Node("app-1", Role.APP, URI.create("http://127.0.0.1:8251")),
                        new InfraProperties.Node("db-primary", Role.DB_PRIMARY, null));
            });
    }

    @Test
    void shouldRefuseAServiceNodeWithoutItsManagementUrl() {
        this.runner.withPropertyValues("foobar.infra.nodes[0].name=web-1", "foobar.infra.nodes[0].role=web")
            .run((context) -> assertThat(context).getFailure()
                .rootCause()
                .hasMessageContaining("a gateway, web or app node needs its management URL"));
    }

    @Test
    void shouldRefuseTheSameNodeTwice() {
        this.runner
            .withPropertyValues("foobar.infra.nodes[0].name=db-primary", "foobar.infra.nodes[0].role=db-primary",
                    "foobar.infra.nodes[1].name=db-primary", "foobar.infra.nodes[1].role=db-primary")
            .run((context) -> assertThat(context).getFailure()
                .rootCause()
                .hasMessageContaining("node names must be unique"));
    }

    @Test
    void shouldRefuseAPollIntervalNoShorterThanTheWindows() {
        this.runner.withPropertyValues("foobar.infra.poll-interval=5s")
            .run((context) -> assertThat(context).getFailure()
                .rootCause()
                .hasMessageContaining("windows longer than the poll interval"));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(InfraProperties.class)
    static class Properties {

    }

}
