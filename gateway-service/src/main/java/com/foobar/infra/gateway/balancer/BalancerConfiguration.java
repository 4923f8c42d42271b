package com.foobar.infra.gateway.balancer;

import org.springframework.cloud.loadbalancer.annotation.LoadBalancerClient;
import org.springframework.context.annotation.Configuration;

/**
 * Registers {@link WebServiceLoadBalancerConfiguration} as the load balancer of service
 * {@value WebServiceLoadBalancerConfiguration#SERVICE_ID}.
 */
@Configuration(proxyBeanMethods = false)
@LoadBalancerClient(name = WebServiceLoadBalancerConfiguration.SERVICE_ID,
        configuration = WebServiceLoadBalancerConfiguration.class)
public class BalancerConfiguration {
}
