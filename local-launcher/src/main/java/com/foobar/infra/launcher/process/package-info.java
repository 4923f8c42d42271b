/**
 * Nodes as operating-system processes: starting them detached, probing their health, stopping them by pid.
 */
@NullMarked
package com.foobar.infra.launcher.process;

import org.jspecify.annotations.NullMarked;
