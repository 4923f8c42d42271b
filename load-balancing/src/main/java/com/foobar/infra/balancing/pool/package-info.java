/**
 * The backend groups and their servers' live state, read from configuration and reloaded when it changes.
 */
@NullMarked
package com.foobar.infra.balancing.pool;

import org.jspecify.annotations.NullMarked;
