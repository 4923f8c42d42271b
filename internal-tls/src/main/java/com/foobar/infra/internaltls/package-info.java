/**
 * Mutual TLS between the tiers: the main web server accepts only callers with a certificate from the calling
 * tier's CA, and Spring Cloud Gateway's proxy calls present this node's certificate and verify the next tier's.
 */
@NullMarked
package com.foobar.infra.internaltls;

import org.jspecify.annotations.NullMarked;
