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
 * The infrastructure view's beans: the {@link TopologyCollector} and the JSON at {@code GET /infra/topology}.
 * Neither exists unless {@link InfraEnabledCondition} matches, so the view's addresses answer 404 in production and
 * wherever no nodes are configured ({@link InfraPageWebFilter} sees to the page's).
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
