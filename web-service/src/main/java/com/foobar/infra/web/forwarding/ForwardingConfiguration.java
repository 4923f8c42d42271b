package com.foobar.infra.web.forwarding;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The forwarded headers the application server gets from this web server.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ForwardingProperties.class)
public class ForwardingConfiguration {

    @Bean
    TrustedForwardedHeadersFilter trustedForwardedHeadersFilter(ForwardingProperties properties) {
        return new TrustedForwardedHeadersFilter(properties);
    }
}
