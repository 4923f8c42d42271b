/**
 * Per-client rate limiting: a token bucket per client address, {@code 429} with {@code Retry-After} above it.
 */
@NullMarked
package com.foobar.infra.gateway.ratelimit;

import org.jspecify.annotations.NullMarked;
