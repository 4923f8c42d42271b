package com.foobar.infra.web.infra;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The infrastructure view's beans: the {@link TopologyCollector}, the page at {@code /infra} and its JSON at
 * {@code GET /infra/topology}. None of them exists unless {@link InfraEnabledCondition} matches, so both paths
 * answer 404 in production and wherever no nodes are configured.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(InfraEnabledCondition.class)
@EnableConfigurationProperties(InfraProperties.class)
public class InfraConfiguration {

    static final String TOPOLOGY_PATH = InfraPageWebFilter.PATH + "/topology";

    @Bean
    TopologyCollector topologyCollector(InfraProperties properties) {
        return new TopologyCollector(properties);
    }

    @Bean
    InfraPageWebFilter infraPageWebFilter(TopologyCollector collector) {
        return new InfraPageWebFilter(collector);
    }

    @Bean
    RouterFunction<ServerResponse> infraTopologyRoute(TopologyCollector collector) {
        return RouterFunctions.route()
            .GET(TOPOLOGY_PATH, (request) -> collector.watch()
                .flatMap((view) -> ServerResponse.ok()
                    .contentType(MediaType.APPLICATION_JSON)
                    .cacheControl(CacheControl.noStore())
                    .bodyValue(view)))
            .build();
    }

}
