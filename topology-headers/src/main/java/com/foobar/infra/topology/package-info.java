/**
 * Response headers that show, front to back, which nodes of the topology served a request, and the switch that
 * hides them when the topology must stay private.
 */
@NullMarked
package com.foobar.infra.topology;

import org.jspecify.annotations.NullMarked;
