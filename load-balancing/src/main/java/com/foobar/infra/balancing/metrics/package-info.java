/**
 * Metrics per backend: requests, latency, errors, requests in flight and rotation state.
 */
@NullMarked
package com.foobar.infra.balancing.metrics;

import org.jspecify.annotations.NullMarked;
