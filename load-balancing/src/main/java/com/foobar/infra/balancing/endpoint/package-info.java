/**
 * The {@code backends} actuator endpoint: every group's backends with their live state, and drain or ready.
 */
@NullMarked
package com.foobar.infra.balancing.endpoint;

import org.jspecify.annotations.NullMarked;
