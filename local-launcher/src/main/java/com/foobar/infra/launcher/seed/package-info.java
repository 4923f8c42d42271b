/**
 * {@code ./foobar seed}: demo users and posts in the running local topology.
 */
@NullMarked
package com.foobar.infra.launcher.seed;

import org.jspecify.annotations.NullMarked;
