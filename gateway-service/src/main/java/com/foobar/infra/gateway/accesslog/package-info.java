/**
 * One access-log line per request: client, request, status, backend, time.
 */
@NullMarked
package com.foobar.infra.gateway.accesslog;

import org.jspecify.annotations.NullMarked;
