/**
 * Auto-configuration of the replication router from {@code foobar.datasource.*} properties.
 */
@NullMarked
package com.foobar.infra.router.config;

import org.jspecify.annotations.NullMarked;
