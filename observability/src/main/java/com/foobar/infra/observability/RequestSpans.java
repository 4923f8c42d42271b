package com.foobar.infra.observability;

import io.micrometer.observation.Observation;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.handler.TracingObservationHandler.TracingContext;

/**
 * Runs code with a request's span in scope, so that what it logs carries the request's trace id (the log pattern's
 * correlation, or the structured log's fields) even where the span is not current: a callback after the request
 * ended, a filter on another thread.
 */
public final class RequestSpans {

    private RequestSpans() {
    }

    /**
     * Runs {@code action} in the scope of the span of an observation, or plainly when it has none.
     *
     * @param context the observation's context, for example a server request's
     * @param tracer the tracer that made the span
     * @param action what to run, typically a log statement
     */
    public static void inSpanOf(Observation.Context context, Tracer tracer, Runnable action) {
        TracingContext tracing = context.get(TracingContext.class);
        Span span = (tracing != null) ? tracing.getSpan() : null;
        if (span == null) {
            action.run();
            return;
        }
        try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
            action.run();
        }
    }
}
