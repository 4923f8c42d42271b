package com.foobar.infra.router.health;

/**
 * Callback told each time a replica leaves the read rotation.
 *
 * <p>Invoked once per departure, after the monitor has taken the replica out, on the thread that took it out: a
 * health-check thread, or the thread whose query on the replica failed. Implementations must be fast and must not
 * throw.
 */
@FunctionalInterface
public interface ReplicaEjectionListener {

    /**
     * Called after a replica left the read rotation.
     * @param replicaName the replica's name
     * @param cause what took it out
     */
    void replicaEjected(String replicaName, Cause cause);

    /** What took a replica out of the read rotation. */
    enum Cause {

        /** {@code fall} failed background checks in a row. */
        CHECK,

        /** A query on the replica failed at the connection level. */
        QUERY

    }

}
