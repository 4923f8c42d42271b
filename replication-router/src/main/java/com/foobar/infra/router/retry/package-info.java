/**
 * Retrying a read-only transaction once on another node when the replica it used fails at the connection level.
 */
@NullMarked
package com.foobar.infra.router.retry;

import org.jspecify.annotations.NullMarked;
