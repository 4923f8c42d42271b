/**
 * Micrometer metrics of the router: connections per node, replica lag, eligibility and ejections, and the
 * outcome of read-your-writes waits.
 */
@NullMarked
package com.foobar.infra.router.metrics;

import org.jspecify.annotations.NullMarked;
