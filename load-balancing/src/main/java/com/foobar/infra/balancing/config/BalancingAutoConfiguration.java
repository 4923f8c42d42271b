package com.foobar.infra.balancing.config;

import com.foobar.infra.balancing.health.ActiveHealthChecker;
import com.foobar.infra.balancing.metrics.BackendMetrics;
import com.foobar.infra.balancing.pool.BackendConfigurationWatcher;
import com.foobar.infra.balancing.pool.BackendGroupRegistry;
import com.foobar.infra.balancing.pool.BackendGroupsLoader;
import com.foobar.infra.balancing.routing.ClientAddresses;
import com.foobar.infra.balancing.routing.LoadBalancingGatewayFilter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.validation.Validator;

/**
 * Auto-configuration of the balancing machinery for a Spring Cloud Gateway application: backend groups from
 * configuration (reloaded from the configuration file when one is set), their metrics and active health checks, and
 * the filter that resolves each {@code lb://<group>} route to a backend.
 *
 * <p>Client addresses for {@code source-hash} come from the application's {@link ClientAddresses} bean when it has
 * one, from the connection otherwise. The application must configure at least one group.
 */
@AutoConfiguration
@ConditionalOnClass(GlobalFilter.class)
@EnableConfigurationProperties(BalancingProperties.class)
public class BalancingAutoConfiguration {

    @Bean
    static LegacyRoutePropertiesCheck legacyRoutePropertiesCheck(Environment environment) {
        return new LegacyRoutePropertiesCheck(environment);
    }

    @Bean
    @ConditionalOnMissingBean
    BackendGroupsLoader backendGroupsLoader(ConfigurableEnvironment environment, BalancingProperties properties,
            Validator validator) {
        return new BackendGroupsLoader(environment, properties.configPath(), validator, properties.preferred());
    }

    @Bean
    @ConditionalOnMissingBean
    BackendMetrics backendMetrics(MeterRegistry meterRegistry) {
        return new BackendMetrics(meterRegistry);
    }

    @Bean
    @ConditionalOnMissingBean
    BackendGroupRegistry backendGroupRegistry(BackendGroupsLoader loader, BackendMetrics metrics) {
        return new BackendGroupRegistry(loader.load(), metrics);
    }

    @Bean
    @ConditionalOnMissingBean
    ActiveHealthChecker activeHealthChecker(BackendGroupRegistry registry) {
        return new ActiveHealthChecker(registry);
    }

    @Bean
    @ConditionalOnMissingBean
    BackendConfigurationWatcher backendConfigurationWatcher(BackendGroupsLoader loader, BackendGroupRegistry registry,
            BalancingProperties properties) {
        return new BackendConfigurationWatcher(loader, registry, properties.configPollInterval());
    }

    @Bean
    @ConditionalOnMissingBean
    LoadBalancingGatewayFilter loadBalancingGatewayFilter(BackendGroupRegistry registry,
            ObjectProvider<ClientAddresses> clientAddresses, BackendMetrics metrics) {
        return new LoadBalancingGatewayFilter(registry, clientAddresses.getIfAvailable(ClientAddresses::peer),
                metrics);
    }
}
