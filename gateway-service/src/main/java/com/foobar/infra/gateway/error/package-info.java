/**
 * Error responses of the gateway: RFC 9457 problem details, never a stack trace.
 */
@NullMarked
package com.foobar.infra.gateway.error;

import org.jspecify.annotations.NullMarked;
