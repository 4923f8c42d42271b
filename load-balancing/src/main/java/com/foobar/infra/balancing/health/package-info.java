/**
 * Active health checks of the backends: HTTP readiness probes with HAProxy's interval, rise and fall.
 */
@NullMarked
package com.foobar.infra.balancing.health;

import org.jspecify.annotations.NullMarked;
