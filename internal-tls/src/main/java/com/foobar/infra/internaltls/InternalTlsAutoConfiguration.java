package com.foobar.infra.internaltls;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.cloud.gateway.config.HttpClientCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configuration of mutual TLS between the tiers from {@code foobar.internal-tls.*}.
 *
 * <p>With a certificate and {@code caller-ca}, the main web server requires HTTPS with a client certificate from
 * that CA ({@link MutualTlsWebServerCustomizer}); with a certificate and {@code upstream-ca}, Spring Cloud Gateway's
 * proxy calls present the certificate and verify the upstream against that CA
 * ({@link UpstreamTlsHttpClientCustomizer}). Without a certificate nothing changes. The properties are always
 * bound, so a half-made configuration fails start-up rather than leaving a tier open.
 */
@AutoConfiguration(after = SslAutoConfiguration.class)
@EnableConfigurationProperties(InternalTlsProperties.class)
public class InternalTlsAutoConfiguration {

    private static final String PREFIX = "foobar.internal-tls";

    @Bean
    @ConditionalOnProperty(prefix = PREFIX, name = "certificate")
    InternalTlsBundleRegistrar internalTlsBundleRegistrar(InternalTlsProperties properties) {
        return new InternalTlsBundleRegistrar(properties);
    }

    @Bean
    @ConditionalOnProperty(prefix = PREFIX, name = { "certificate", "caller-ca" })
    MutualTlsWebServerCustomizer mutualTlsWebServerCustomizer(SslBundles bundles) {
        return new MutualTlsWebServerCustomizer(bundles);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(HttpClientCustomizer.class)
    static class UpstreamConfiguration {

        @Bean
        @ConditionalOnProperty(prefix = PREFIX, name = { "certificate", "upstream-ca" })
        UpstreamTlsHttpClientCustomizer upstreamTlsHttpClientCustomizer(SslBundles bundles) {
            return new UpstreamTlsHttpClientCustomizer(bundles);
        }

    }

}
