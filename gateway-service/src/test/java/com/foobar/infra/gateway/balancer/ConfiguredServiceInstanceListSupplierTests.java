package com.foobar.infra.gateway.balancer;

import java.net.URI;
import java.util.List;

import com.foobar.infra.gateway.FoobarGatewayProperties.Backend;
import org.junit.jupiter.api.Test;

import org.springframework.cloud.client.ServiceInstance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class ConfiguredServiceInstanceListSupplierTests {

    @Test
    void shouldListBackendsInConfigurationOrderAsInstancesOfTheService() {
        ConfiguredServiceInstanceListSupplier supplier = new ConfiguredServiceInstanceListSupplier("web-service",
                List.of(new Backend("web-2", URI.create("http://127.0.0.1:8102")),
                        new Backend("web-1", URI.create("http://10.0.0.5"))));

        List<ServiceInstance> instances = supplier.get().blockFirst();

        assertThat(supplier.getServiceId()).isEqualTo("web-service");
        assertThat(instances).extracting(ServiceInstance::getInstanceId, ServiceInstance::getServiceId,
                ServiceInstance::getUri)
                .containsExactly(
                        tuple("web-2", "web-service",
                                URI.create("http://127.0.0.1:8102")),
                        tuple("web-1", "web-service", URI.create("http://10.0.0.5:80")));
    }
}
