package com.foobar.infra.topology;

import jakarta.servlet.Filter;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.web.server.WebFilter;

import static org.assertj.core.api.Assertions.assertThat;

class TopologyHeadersAutoConfigurationTests {

    private final AutoConfigurations autoConfiguration = AutoConfigurations.of(TopologyHeadersAutoConfiguration.class);

    private final ReactiveWebApplicationContextRunner reactiveRunner = new ReactiveWebApplicationContextRunner()
            .withConfiguration(this.autoConfiguration)
            .withPropertyValues("foobar.topology.node-name=web-2");

    private final WebApplicationContextRunner servletRunner = new WebApplicationContextRunner()
            .withConfiguration(this.autoConfiguration)
            .withPropertyValues("foobar.topology.node-name=app-2");

    @Test
    void shouldAddServedByWebFilterToReactiveApplicationByDefault() {
        this.reactiveRunner.run(context -> {
            assertThat(context).hasSingleBean(ServedByWebFilter.class);
            assertThat(context).doesNotHaveBean(HideTopologyWebFilter.class);
            assertThat(context.getBean(TopologyProperties.class))
                    .isEqualTo(new TopologyProperties("web-2", true));
        });
    }

    @Test
    void shouldAddHideTopologyWebFilterWhenHeadersDisabled() {
        this.reactiveRunner.withPropertyValues("foobar.topology.headers-enabled=false").run(context -> {
            assertThat(context).hasSingleBean(HideTopologyWebFilter.class);
            assertThat(context).doesNotHaveBean(ServedByWebFilter.class);
        });
    }

    @Test
    void shouldAddServedByServletFilterToServletApplicationByDefault() {
        this.servletRunner.run(context -> {
            assertThat(context).hasSingleBean(ServedByServletFilter.class);
            assertThat(context).doesNotHaveBean(WebFilter.class);
        });
    }

    @Test
    void shouldAddHideTopologyServletFilterWhenHeadersDisabled() {
        this.servletRunner.withPropertyValues("foobar.topology.headers-enabled=false").run(context -> {
            assertThat(context).hasSingleBean(HideTopologyServletFilter.class);
            assertThat(context).doesNotHaveBean(ServedByServletFilter.class);
        });
    }

    @Test
    void shouldBackOffInReactiveApplicationWithoutWebFlux() {
        this.reactiveRunner.withClassLoader(new FilteredClassLoader(WebFilter.class))
                .run(context -> assertThat(context).doesNotHaveBean(WebFilter.class));
    }

    @Test
    void shouldBackOffInServletApplicationWithoutServletApi() {
        this.servletRunner.withClassLoader(new FilteredClassLoader(Filter.class))
                .run(context -> assertThat(context).doesNotHaveBean(Filter.class));
    }

    @Test
    void shouldBackOffOutsideWebApplications() {
        new ApplicationContextRunner().withConfiguration(this.autoConfiguration)
                .run(context -> assertThat(context).doesNotHaveBean(TopologyProperties.class));
    }

    @Test
    void shouldFailToStartWithoutNodeName() {
        new ReactiveWebApplicationContextRunner().withConfiguration(this.autoConfiguration)
                .run(context -> assertThat(context).hasFailed()
                        .getFailure()
                        .hasStackTraceContaining("foobar.topology")
                        .hasStackTraceContaining("nodeName"));
    }
}
