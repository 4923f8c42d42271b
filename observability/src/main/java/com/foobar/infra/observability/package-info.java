/**
 * What every service tier shares to make a request traceable: an access log line per request, written inside the
 * request's trace so that it carries the trace id, and (in {@code foobar-observability.yml}) the tracing and
 * logging settings.
 */
@NullMarked
package com.foobar.infra.observability;

import org.jspecify.annotations.NullMarked;
