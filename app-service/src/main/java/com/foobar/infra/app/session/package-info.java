/**
 * Log-in sessions: the session API and the sessions' store in the primary database.
 */
@NullMarked
package com.foobar.infra.app.session;

import org.jspecify.annotations.NullMarked;
