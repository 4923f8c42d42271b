/**
 * JDBC observations (connections and queries, as spans of the request's trace) on each database node's own pool,
 * below the router's choice of node.
 */
@NullMarked
package com.foobar.infra.router.observation;

import org.jspecify.annotations.NullMarked;
