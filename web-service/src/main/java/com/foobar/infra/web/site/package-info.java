/**
 * The static site as nginx would serve it: pages revalidated on every use, content-hashed assets cached for a year,
 * ETag and Last-Modified validators, brotli and gzip variants made at build time, and the HTML error pages.
 */
@NullMarked
package com.foobar.infra.web.site;

import org.jspecify.annotations.NullMarked;
