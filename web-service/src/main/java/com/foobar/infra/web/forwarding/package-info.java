/**
 * Forwarding {@code /api/**} to the application tier: what the application server is told about the client.
 * The balancing over the application servers is the load-balancing library's.
 */
@NullMarked
package com.foobar.infra.web.forwarding;

import org.jspecify.annotations.NullMarked;
