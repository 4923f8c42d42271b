/**
 * The load balancer tier (the seeds' HAProxy): TLS termination, redirects to the canonical HTTPS address and
 * round robin over the web servers.
 */
@NullMarked
package com.foobar.infra.gateway;

import org.jspecify.annotations.NullMarked;
