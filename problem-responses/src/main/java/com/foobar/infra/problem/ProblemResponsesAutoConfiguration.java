package com.foobar.infra.problem;

import reactor.netty.http.server.HttpServer;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.codec.ServerCodecConfigurer;

/**
 * Auto-configuration that answers a reactive web application's errors with RFC 9457 problem details through a
 * {@link ProblemDetailWebExceptionHandler}.
 *
 * <p>Only reactive web applications get the handler, worded by {@code foobar.problems.*}; an application that
 * defines its own {@link ProblemDetailWebExceptionHandler} bean keeps it. They also get the
 * {@link MalformedRequestWebFilter}, and on Reactor Netty the {@link BareRefusalProblemCustomizer}, so that a
 * malformed request is a {@code 400} problem in every reactive tier.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = Type.REACTIVE)
@EnableConfigurationProperties(ProblemResponsesProperties.class)
public class ProblemResponsesAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ProblemDetailWebExceptionHandler problemDetailWebExceptionHandler(ServerCodecConfigurer codecs,
            ProblemResponsesProperties properties) {
        return new ProblemDetailWebExceptionHandler(codecs, properties);
    }

    @Bean
    @ConditionalOnMissingBean
    MalformedRequestWebFilter malformedRequestWebFilter() {
        return new MalformedRequestWebFilter();
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({ HttpServer.class, NettyServerCustomizer.class })
    static class ReactorNettyConfiguration {

        @Bean
        @ConditionalOnMissingBean
        BareRefusalProblemCustomizer bareRefusalProblemCustomizer() {
            return new BareRefusalProblemCustomizer();
        }
    }
}
