/**
 * Sending each request to a backend of its route's group: choice, retries on connection failures, accounting.
 */
@NullMarked
package com.foobar.infra.balancing.routing;

import org.jspecify.annotations.NullMarked;
