/**
 * Read-your-writes across application servers: the GTID of a client's last write travels with the client, and a
 * replica is only read once it has applied that GTID.
 */
@NullMarked
package com.foobar.infra.router.consistency;

import org.jspecify.annotations.NullMarked;
