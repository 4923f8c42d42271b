/**
 * What a running topology leaves on disk so that later commands can find and stop it.
 */
@NullMarked
package com.foobar.infra.launcher.state;

import org.jspecify.annotations.NullMarked;
