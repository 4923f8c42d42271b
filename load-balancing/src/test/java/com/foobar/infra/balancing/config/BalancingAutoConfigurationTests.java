package com.foobar.infra.balancing.config;

import java.nio.file.Path;

import com.foobar.infra.balancing.pool.BackendGroupRegistry;
import com.foobar.infra.balancing.routing.ClientAddresses;
import com.foobar.infra.balancing.routing.LoadBalancingGatewayFilter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.validation.Validator;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;

import static org.assertj.core.api.Assertions.assertThat;

class BalancingAutoConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(BalancingAutoConfiguration.class))
        .withUserConfiguration(Infrastructure.class)
        .withPropertyValues("foobar.balancing.groups.app.backends[0].name=app-1",
                "foobar.balancing.groups.app.backends[0].uri=http://127.0.0.1:8201");

    @Test
    void shouldBalanceTheConfiguredGroups() {
        this.runner.run((context) -> {
            assertThat(context).hasSingleBean(LoadBalancingGatewayFilter.class);
            assertThat(context.getBean(BackendGroupRegistry.class).group("app")).isNotNull();
            assertThat(context.getBean(BalancingProperties.class).configPath()).isNull();
        });
    }

    @Test
    void shouldTakeTheConfigurationFileFromItsProperty() {
        new ApplicationContextRunner().withUserConfiguration(PropertiesOnly.class)
            .withPropertyValues("foobar.balancing.config-file=/srv/web.yml")
            .run((context) -> assertThat(context.getBean(BalancingProperties.class).configPath())
                .isEqualTo(Path.of("/srv/web.yml")));
    }

    @Test
    void shouldUseTheApplicationsClientAddresses() {
        this.runner.withBean(ClientAddresses.class, () -> (exchange) -> "192.0.2.7")
            .run((context) -> assertThat(context).hasSingleBean(ClientAddresses.class)
                .hasSingleBean(LoadBalancingGatewayFilter.class));
    }

    @Test
    void shouldRefuseToStartWithoutAGroup() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(BalancingAutoConfiguration.class))
            .withUserConfiguration(Infrastructure.class)
            .run((context) -> assertThat(context).hasFailed().getFailure().rootCause()
                .hasMessageContaining("foobar.balancing.groups.<name>.backends"));
    }

    @Test
    void shouldBackOffWithoutSpringCloudGateway() {
        this.runner.withClassLoader(new FilteredClassLoader(GlobalFilter.class))
            .run((context) -> assertThat(context).doesNotHaveBean(BackendGroupRegistry.class));
    }

    @Configuration(proxyBeanMethods = false)
    static class Infrastructure {

        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }

        @Bean
        Validator validator() {
            return new LocalValidatorFactoryBean();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(BalancingProperties.class)
    static class PropertiesOnly {
    }
}
