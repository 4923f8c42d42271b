/**
 * Error responses of the reactive tiers: RFC 9457 problem details, never a stack trace, with the site's HTML error
 * pages left to Spring Boot where a tier serves pages to browsers.
 */
@NullMarked
package com.foobar.infra.problem;

import org.jspecify.annotations.NullMarked;
