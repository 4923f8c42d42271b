package com.foobar.infra.topology;

import jakarta.servlet.Filter;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.server.WebFilter;

/**
 * Auto-configuration that adds the topology header filter matching the web stack: a {@link WebFilter} for reactive
 * applications, a servlet {@link Filter} for servlet applications.
 *
 * <p>With {@code foobar.topology.headers-enabled} true (the default) the filter adds this node to
 * {@code X-Served-By}; with false it removes every topology header instead. A web application must set
 * {@code foobar.topology.node-name}.
 */
@AutoConfiguration
@ConditionalOnWebApplication
@EnableConfigurationProperties(TopologyProperties.class)
public class TopologyHeadersAutoConfiguration {

    /** The property that switches topology headers on (the default) or off; other modules condition on it too. */
    public static final String HEADERS_ENABLED = "foobar.topology.headers-enabled";

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = Type.REACTIVE)
    @ConditionalOnClass(WebFilter.class)
    static class ReactiveTopologyHeadersConfiguration {

        @Bean
        @ConditionalOnBooleanProperty(name = HEADERS_ENABLED, matchIfMissing = true)
        ServedByWebFilter servedByWebFilter(TopologyProperties properties) {
            return new ServedByWebFilter(properties.nodeName());
        }

        @Bean
        @ConditionalOnBooleanProperty(name = HEADERS_ENABLED, havingValue = false)
        HideTopologyWebFilter hideTopologyWebFilter() {
            return new HideTopologyWebFilter();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = Type.SERVLET)
    @ConditionalOnClass({ Filter.class, OncePerRequestFilter.class })
    static class ServletTopologyHeadersConfiguration {

        @Bean
        @ConditionalOnBooleanProperty(name = HEADERS_ENABLED, matchIfMissing = true)
        ServedByServletFilter servedByServletFilter(TopologyProperties properties) {
            return new ServedByServletFilter(properties.nodeName());
        }

        @Bean
        @ConditionalOnBooleanProperty(name = HEADERS_ENABLED, havingValue = false)
        HideTopologyServletFilter hideTopologyServletFilter() {
            return new HideTopologyServletFilter();
        }
    }
}
