/**
 * The static site: {@code index.html}, its stylesheet and script, and the HTML error pages.
 */
@NullMarked
package com.foobar.infra.web.site;

import org.jspecify.annotations.NullMarked;
