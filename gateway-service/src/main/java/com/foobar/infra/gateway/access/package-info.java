/**
 * Who the client is and whether it may come in: the client address (forwarded headers believed only from trusted
 * proxies) and CIDR allow and deny lists.
 */
@NullMarked
package com.foobar.infra.gateway.access;

import org.jspecify.annotations.NullMarked;
