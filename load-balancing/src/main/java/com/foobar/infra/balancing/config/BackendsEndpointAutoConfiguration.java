package com.foobar.infra.balancing.config;

import com.foobar.infra.balancing.endpoint.BackendsEndpoint;
import com.foobar.infra.balancing.pool.BackendGroupRegistry;

import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the {@link BackendsEndpoint backends} actuator endpoint, for applications that have the
 * actuator and expose it.
 */
@AutoConfiguration(after = BalancingAutoConfiguration.class)
@ConditionalOnClass(Endpoint.class)
@ConditionalOnBean(BackendGroupRegistry.class)
public class BackendsEndpointAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnAvailableEndpoint
    BackendsEndpoint backendsEndpoint(BackendGroupRegistry registry) {
        return new BackendsEndpoint(registry);
    }
}
