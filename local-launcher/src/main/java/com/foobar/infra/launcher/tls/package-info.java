/**
 * The development certificate authority and the site certificate it signs.
 */
@NullMarked
package com.foobar.infra.launcher.tls;

import org.jspecify.annotations.NullMarked;
