package com.foobar.infra.observability;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.RequestReplyReceiverContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration;
import org.springframework.boot.opentelemetry.autoconfigure.OpenTelemetrySdkAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class AccessLogAutoConfigurationTests {

    private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class,
                OpenTelemetrySdkAutoConfiguration.class, OpenTelemetryTracingAutoConfiguration.class,
                MicrometerTracingAutoConfiguration.class, AccessLogAutoConfiguration.class));

    @Test
    void shouldLogEachServerRequest(CapturedOutput output) {
        this.contextRunner.run((context) -> {
            assertThat(context).hasSingleBean(AccessLogObservationHandler.class);
            Observation request = serverRequest(context.getBean(ObservationRegistry.class), "/api/posts/7")
                .lowCardinalityKeyValue("method", "GET")
                .lowCardinalityKeyValue("status", "200")
                .start();
            request.stop();
        });
        // The trace id comes in through the log pattern's correlation, which the end-to-end test sees.
        assertThat(output).containsPattern("GET /api/posts/7 200 \\d+ ms");
    }

    @Test
    void shouldLeaveManagementRequestsOut(CapturedOutput output) {
        this.contextRunner.run((context) -> serverRequest(context.getBean(ObservationRegistry.class),
                "/actuator/health/readiness")
            .start()
            .stop());
        assertThat(output).doesNotContain("/actuator/health");
    }

    @Test
    void shouldBeOffWhenDisabled() {
        this.contextRunner.withPropertyValues("foobar.observability.access-log.enabled=false")
            .run((context) -> assertThat(context).doesNotHaveBean(AccessLogObservationHandler.class));
    }

    /** A server request observation named by its convention, as the web stacks create theirs. */
    private static Observation serverRequest(ObservationRegistry registry, String path) {
        ObservationConvention<RequestReplyReceiverContext<Object, Object>> convention = new ObservationConvention<>() {

            @Override
            public String getName() {
                return "http.server.requests";
            }

            @Override
            public boolean supportsContext(Observation.Context context) {
                return true;
            }

        };
        return Observation
            .createNotStarted(convention, () -> new RequestReplyReceiverContext<>((carrier, key) -> null), registry)
            .highCardinalityKeyValue("http.url", path);
    }

}
