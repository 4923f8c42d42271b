/**
 * HAProxy-style stats on the management port: the {@code stats} page over the load-balancing library's
 * {@code backends} endpoint.
 */
@NullMarked
package com.foobar.infra.gateway.stats;

import org.jspecify.annotations.NullMarked;
