package com.foobar.infra.app.problem;

import org.apache.catalina.Container;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Puts {@link ProblemErrorReportValve} on Tomcat's host, in place of the {@link ErrorReportValve} that Spring Boot
 * (for {@code server.error.include-stacktrace: never}) or Tomcat itself would put there.
 */
@Configuration(proxyBeanMethods = false)
class ProblemErrorPagesConfiguration {

    // Last, so that Spring Boot's own valve is already on the host to be replaced.
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReportValveCustomizer() {
        return (factory) -> factory.addContextCustomizers((context) -> replaceErrorReportValve(context.getParent()));
    }

    private static void replaceErrorReportValve(Container host) {
        Pipeline pipeline = host.getPipeline();
        for (Valve valve : pipeline.getValves()) {
            if (valve instanceof ErrorReportValve) {
                pipeline.removeValve(valve);
            }
        }
        pipeline.addValve(new ProblemErrorReportValve());
        // Tomcat adds a valve of this class when the host starts unless one is there already: ours is.
        if (host instanceof StandardHost standardHost) {
            standardHost.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
        }
    }
}
