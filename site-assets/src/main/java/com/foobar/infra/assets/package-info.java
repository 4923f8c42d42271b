/**
 * The static site's build-time asset pipeline: what a front-end build step prepares for nginx, done with the JDK and
 * brotli4j so the web tier serves files as they lie in its jar.
 */
@NullMarked
package com.foobar.infra.assets;

import org.jspecify.annotations.NullMarked;
