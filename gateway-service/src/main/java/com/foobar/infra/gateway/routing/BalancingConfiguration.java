package com.foobar.infra.gateway.routing;

import com.foobar.infra.gateway.FoobarGatewayProperties;
import com.foobar.infra.gateway.access.ClientAddressResolver;
import com.foobar.infra.gateway.health.ActiveHealthChecker;
import com.foobar.infra.gateway.metrics.BackendMetrics;
import com.foobar.infra.gateway.pool.BackendConfigurationWatcher;
import com.foobar.infra.gateway.pool.BackendGroupRegistry;
import com.foobar.infra.gateway.pool.BackendGroupsLoader;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.validation.Validator;

/**
 * The balancing machinery: backend groups from configuration (reloaded from the configuration file when one is
 * set), their metrics and active health checks, and the filter that sends each request to a backend.
 */
@Configuration(proxyBeanMethods = false)
public class BalancingConfiguration {

    @Bean
    static LegacyRoutePropertiesCheck legacyRoutePropertiesCheck(Environment environment) {
        return new LegacyRoutePropertiesCheck(environment);
    }

    @Bean
    BackendGroupsLoader backendGroupsLoader(ConfigurableEnvironment environment, FoobarGatewayProperties properties,
            Validator validator) {
        return new BackendGroupsLoader(environment, properties.configPath(), validator);
    }

    @Bean
    BackendMetrics backendMetrics(MeterRegistry meterRegistry) {
        return new BackendMetrics(meterRegistry);
    }

    @Bean
    BackendGroupRegistry backendGroupRegistry(BackendGroupsLoader loader, BackendMetrics metrics) {
        return new BackendGroupRegistry(loader.load(), metrics);
    }

    @Bean
    ActiveHealthChecker activeHealthChecker(BackendGroupRegistry registry) {
        return new ActiveHealthChecker(registry);
    }

    @Bean
    BackendConfigurationWatcher backendConfigurationWatcher(BackendGroupsLoader loader, BackendGroupRegistry registry,
            FoobarGatewayProperties properties) {
        return new BackendConfigurationWatcher(loader, registry, properties.configPollInterval());
    }

    @Bean
    LoadBalancingGatewayFilter loadBalancingGatewayFilter(BackendGroupRegistry registry,
            ClientAddressResolver clientAddresses, BackendMetrics metrics) {
        return new LoadBalancingGatewayFilter(registry, clientAddresses, metrics);
    }
}
