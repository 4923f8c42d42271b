/**
 * Error responses of the web tier: RFC 9457 problem details, or the site's HTML error pages for browsers.
 */
@NullMarked
package com.foobar.infra.web.error;

import org.jspecify.annotations.NullMarked;
