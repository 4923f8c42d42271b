/**
 * Which {@code Host} values the gateway serves.
 */
@NullMarked
package com.foobar.infra.gateway.host;

import org.jspecify.annotations.NullMarked;
