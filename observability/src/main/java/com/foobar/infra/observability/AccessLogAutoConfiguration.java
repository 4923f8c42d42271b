package com.foobar.infra.observability;

import io.micrometer.tracing.Tracer;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the trace-correlated access log ({@link AccessLogObservationHandler}), on while a
 * {@link Tracer} exists and {@code foobar.observability.access-log.enabled} is true (the default).
 */
@AutoConfiguration(after = { OpenTelemetryTracingAutoConfiguration.class, MicrometerTracingAutoConfiguration.class })
@ConditionalOnClass(Tracer.class)
@ConditionalOnBean(Tracer.class)
@ConditionalOnBooleanProperty(name = "foobar.observability.access-log.enabled", matchIfMissing = true)
public class AccessLogAutoConfiguration {

    @Bean
    AccessLogObservationHandler accessLogObservationHandler(Tracer tracer) {
        return new AccessLogObservationHandler(tracer);
    }

}
