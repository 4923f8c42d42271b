package com.foobar.infra.problem;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.error.DefaultErrorWebExceptionHandler;
import org.springframework.boot.webflux.autoconfigure.error.ErrorWebFluxAutoConfiguration;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.web.server.WebExceptionHandler;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemResponsesAutoConfigurationTests {

    private final AutoConfigurations autoConfiguration = AutoConfigurations.of(ProblemResponsesAutoConfiguration.class);

    private final ReactiveWebApplicationContextRunner reactiveRunner = new ReactiveWebApplicationContextRunner()
            .withConfiguration(this.autoConfiguration)
            .withBean(ServerCodecConfigurer.class, ServerCodecConfigurer::create);

    @Test
    void shouldAddHandlerWithDefaultsToReactiveApplication() {
        this.reactiveRunner.run(context -> {
            assertThat(context).hasSingleBean(ProblemDetailWebExceptionHandler.class);
            assertThat(context.getBean(ProblemResponsesProperties.class))
                    .isEqualTo(new ProblemResponsesProperties("upstream server", "server", false));
        });
    }

    @Test
    void shouldBindProblemsProperties() {
        this.reactiveRunner.withPropertyValues("foobar.problems.upstream=application server",
                "foobar.problems.self=web server", "foobar.problems.html-error-pages=true")
                .run(context -> assertThat(context.getBean(ProblemResponsesProperties.class))
                        .isEqualTo(new ProblemResponsesProperties("application server", "web server", true)));
    }

    @Test
    void shouldRunBeforeSpringBootErrorHandlerWithoutReplacingIt() {
        new ReactiveWebApplicationContextRunner().withConfiguration(AutoConfigurations.of(
                ProblemResponsesAutoConfiguration.class, WebFluxAutoConfiguration.class,
                ErrorWebFluxAutoConfiguration.class)).run(context -> {
                    List<WebExceptionHandler> handlers = context.getBeanProvider(WebExceptionHandler.class)
                            .orderedStream()
                            .toList();

                    assertThat(handlers.get(0)).isInstanceOf(ProblemDetailWebExceptionHandler.class);
                    assertThat(handlers.get(1)).isInstanceOf(DefaultErrorWebExceptionHandler.class);
                });
    }

    @Test
    void shouldKeepApplicationsOwnHandler() {
        ProblemDetailWebExceptionHandler own = new ProblemDetailWebExceptionHandler(ServerCodecConfigurer.create(),
                new ProblemResponsesProperties("web server", "gateway", false));

        this.reactiveRunner.withBean("ownHandler", ProblemDetailWebExceptionHandler.class, () -> own)
                .run(context -> assertThat(context).getBean(ProblemDetailWebExceptionHandler.class).isSameAs(own));
    }

    @Test
    void shouldBackOffInServletApplication() {
        new WebApplicationContextRunner().withConfiguration(this.autoConfiguration)
                .run(context -> assertThat(context).doesNotHaveBean(ProblemDetailWebExceptionHandler.class)
                        .doesNotHaveBean(ProblemResponsesProperties.class));
    }

    @Test
    void shouldBackOffOutsideWebApplications() {
        new ApplicationContextRunner().withConfiguration(this.autoConfiguration)
                .run(context -> assertThat(context).doesNotHaveBean(ProblemDetailWebExceptionHandler.class)
                        .doesNotHaveBean(ProblemResponsesProperties.class));
    }

    @Test
    void shouldFailToStartWithBlankUpstream() {
        this.reactiveRunner.withPropertyValues("foobar.problems.upstream= ")
                .run(context -> assertThat(context).hasFailed()
                        .getFailure()
                        .hasStackTraceContaining("foobar.problems")
                        .hasStackTraceContaining("upstream"));
    }
}
