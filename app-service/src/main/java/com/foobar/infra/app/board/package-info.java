/**
 * Settings of the message board as a whole.
 */
@NullMarked
package com.foobar.infra.app.board;

import org.jspecify.annotations.NullMarked;
