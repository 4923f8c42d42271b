/**
 * Limits on what a request may carry: header fields ({@code 431}) and body ({@code 413}).
 */
@NullMarked
package com.foobar.infra.gateway.limits;

import org.jspecify.annotations.NullMarked;
