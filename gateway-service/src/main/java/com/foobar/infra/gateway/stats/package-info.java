/**
 * HAProxy-style stats on the management port: the {@code backends} endpoint (JSON, drain and ready) and the
 * {@code stats} page.
 */
@NullMarked
package com.foobar.infra.gateway.stats;

import org.jspecify.annotations.NullMarked;
