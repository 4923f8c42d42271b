/**
 * Auto-configuration of the balancing machinery and of the backends endpoint, and the configuration checks it brings.
 */
@NullMarked
package com.foobar.infra.balancing.config;

import org.jspecify.annotations.NullMarked;
