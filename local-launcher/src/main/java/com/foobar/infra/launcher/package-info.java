/**
 * The {@code ./foobar} command: starts, watches and stops the local topology.
 */
@NullMarked
package com.foobar.infra.launcher;

import org.jspecify.annotations.NullMarked;
