/**
 * Redirects to the canonical address {@code https://www.foobar.com[:port]}: from plain HTTP and from the bare
 * domain.
 */
@NullMarked
package com.foobar.infra.gateway.redirect;

import org.jspecify.annotations.NullMarked;
