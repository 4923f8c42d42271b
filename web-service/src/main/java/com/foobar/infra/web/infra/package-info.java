/**
 * The infrastructure view: {@code /infra} draws the live topology from {@code /infra/topology}, which this web
 * server builds by polling every node's management endpoint while someone watches.
 */
@NullMarked
package com.foobar.infra.web.infra;

import org.jspecify.annotations.NullMarked;
