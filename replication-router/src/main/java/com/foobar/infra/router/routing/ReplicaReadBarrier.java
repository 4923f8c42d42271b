package com.foobar.infra.router.routing;

import java.sql.Connection;

/** Decides whether a replica connection is fresh enough for the read about to run on it. */
@FunctionalInterface
public interface ReplicaReadBarrier {

    /** Every replica connection will do. */
    ReplicaReadBarrier NONE = (replicaName, connection) -> true;

    /** True when the read may run on {@code connection}; false sends it to the primary instead. */
    boolean isCaughtUp(String replicaName, Connection connection);

}
