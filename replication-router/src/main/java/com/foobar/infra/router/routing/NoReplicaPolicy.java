package com.foobar.infra.router.routing;

/** What a read-only transaction does when no replica is eligible. */
public enum NoReplicaPolicy {

    /** Read on the primary: always current, at the cost of the primary's load. */
    PRIMARY,

    /** Fail at once, for applications that must never add read load to the primary. */
    FAIL

}
