/**
 * Metrics per backend: requests, latency, errors, requests in flight and rotation state.
 */
@NullMarked
package com.foobar.infra.gateway.metrics;

import org.jspecify.annotations.NullMarked;
