package com.foobar.infra.gateway.balancer;

import java.net.URI;
import java.util.List;

import com.foobar.infra.gateway.FoobarGatewayProperties.Backend;
import reactor.core.publisher.Flux;

import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;

/**
 * A {@link ServiceInstanceListSupplier} that lists the configured backends as the instances of one service.
 *
 * <p>The list is fixed for the life of the process and keeps the configuration order, which round robin walks; each
 * instance's id is the backend's node name.
 */
public class ConfiguredServiceInstanceListSupplier implements ServiceInstanceListSupplier {

    private final String serviceId;

    private final List<ServiceInstance> instances;

    public ConfiguredServiceInstanceListSupplier(String serviceId, List<Backend> backends) {
        this.serviceId = serviceId;
        this.instances = backends.stream().map(backend -> toInstance(serviceId, backend)).toList();
    }

    @Override
    public String getServiceId() {
        return this.serviceId;
    }

    @Override
    public Flux<List<ServiceInstance>> get() {
        return Flux.just(this.instances);
    }

    private static ServiceInstance toInstance(String serviceId, Backend backend) {
        URI uri = backend.uri();
        boolean secure = "https".equalsIgnoreCase(uri.getScheme());
        int port = (uri.getPort() != -1) ? uri.getPort() : (secure ? 443 : 80);
        return new DefaultServiceInstance(backend.name(), serviceId, uri.getHost(), port, secure);
    }
}
