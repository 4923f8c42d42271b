/**
 * Security headers the front door adds to every response.
 */
@NullMarked
package com.foobar.infra.gateway.headers;

import org.jspecify.annotations.NullMarked;
