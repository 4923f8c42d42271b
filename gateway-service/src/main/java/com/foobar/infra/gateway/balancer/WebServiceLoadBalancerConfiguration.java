package com.foobar.infra.gateway.balancer;

import com.foobar.infra.gateway.FoobarGatewayProperties;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.loadbalancer.core.ReactorLoadBalancer;
import org.springframework.cloud.loadbalancer.core.RoundRobinLoadBalancer;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.context.annotation.Bean;

/**
 * The load balancer of service {@value #SERVICE_ID}: strict round robin over {@code foobar.gateway.backends}.
 *
 * <p>Spring Cloud LoadBalancer loads this class into the child context it keeps for the service (see
 * {@link BalancerConfiguration}), so it carries no {@code @Configuration} and stays out of component scanning.
 */
public class WebServiceLoadBalancerConfiguration {

    /** The service id that the gateway route's {@code lb://web-service} names. */
    public static final String SERVICE_ID = "web-service";

    @Bean
    ServiceInstanceListSupplier configuredBackends(FoobarGatewayProperties properties) {
        return new ConfiguredServiceInstanceListSupplier(SERVICE_ID, properties.backends());
    }

    @Bean
    ReactorLoadBalancer<ServiceInstance> roundRobinLoadBalancer(ObjectProvider<ServiceInstanceListSupplier> suppliers) {
        return new RoundRobinLoadBalancer(suppliers, SERVICE_ID);
    }
}
