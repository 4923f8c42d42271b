/**
 * The development certificate authorities: the public one for the site certificate, and one per tier for the
 * certificates the tiers present to each other.
 */
@NullMarked
package com.foobar.infra.launcher.tls;

import org.jspecify.annotations.NullMarked;
