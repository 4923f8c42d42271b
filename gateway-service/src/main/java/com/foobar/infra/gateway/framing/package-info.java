/**
 * Refusal of requests whose message framing is ambiguous (request smuggling shapes).
 */
@NullMarked
package com.foobar.infra.gateway.framing;

import org.jspecify.annotations.NullMarked;
