package com.foobar.infra.observability;

import java.time.Duration;

import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.transport.RequestReplyReceiverContext;
import io.micrometer.tracing.Tracer;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * An {@link ObservationHandler} that writes one access log line per HTTP request a server answered, as nginx and
 * HAProxy do: method, path, status and duration.
 *
 * <p>It reads the {@code http.server.requests} observation, so it serves servlet and reactive servers alike. The
 * line is written with the request's span in scope, so the log pattern's correlation (or the structured log's
 * fields) carries the request's trace id: that id is what ties one request's lines on every tier together.
 * Management requests (health checks, metric scrapes) are left out, as they would drown the rest.
 */
class AccessLogObservationHandler implements ObservationHandler<Observation.Context> {

    private static final Log logger = LogFactory.getLog(AccessLogObservationHandler.class);

    private static final String OBSERVATION_NAME = "http.server.requests";

    private final Tracer tracer;

    AccessLogObservationHandler(Tracer tracer) {
        this.tracer = tracer;
    }

    /**
     * Server requests of either web stack. Their names are only known once they start (handlers are chosen when
     * the observation is created), so the name is checked in {@link #onStop}.
     */
    @Override
    public boolean supportsContext(Observation.Context context) {
        return context instanceof RequestReplyReceiverContext<?, ?>;
    }

    @Override
    public void onStart(Observation.Context context) {
        context.put(Start.class, new Start(System.nanoTime()));
    }

    @Override
    public void onStop(Observation.Context context) {
        String path = value(context.getHighCardinalityKeyValue("http.url"));
        if (!OBSERVATION_NAME.equals(context.getName()) || path.startsWith("/actuator/") || !logger.isInfoEnabled()) {
            return;
        }
        Start start = context.get(Start.class);
        long millis = (start != null) ? Duration.ofNanos(System.nanoTime() - start.nanos()).toMillis() : -1;
        String line = value(context.getLowCardinalityKeyValue("method")) + " " + path + " "
                + value(context.getLowCardinalityKeyValue("status")) + " " + millis + " ms";
        RequestSpans.inSpanOf(context, this.tracer, () -> logger.info(line));
    }

    private static String value(@Nullable KeyValue keyValue) {
        return (keyValue != null) ? keyValue.getValue() : "-";
    }

    private record Start(long nanos) {
    }

}
