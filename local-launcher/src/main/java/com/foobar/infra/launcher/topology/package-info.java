/**
 * What the local topology is made of: its nodes, their roles, ports and environment.
 */
@NullMarked
package com.foobar.infra.launcher.topology;

import org.jspecify.annotations.NullMarked;
