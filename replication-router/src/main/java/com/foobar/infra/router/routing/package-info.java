/**
 * Routing of JDBC connections: writes to the primary, read-only transactions to the replicas in turn.
 */
@NullMarked
package com.foobar.infra.router.routing;

import org.jspecify.annotations.NullMarked;
