/**
 * {@code ./foobar up --monitoring}: a Prometheus server beside the topology, scraping every service node, with a
 * configuration rendered from the same plan as the nodes' ports.
 */
@NullMarked
package com.foobar.infra.launcher.monitoring;

import org.jspecify.annotations.NullMarked;
