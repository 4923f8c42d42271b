/**
 * The gateway pair: two processes sharing one listening port with {@code SO_REUSEPORT}.
 */
@NullMarked
package com.foobar.infra.gateway.pair;

import org.jspecify.annotations.NullMarked;
