package com.foobar.infra.router.consistency;

/**
 * Callback told how each wait for a replica to apply a client's last write ended.
 *
 * <p>Invoked on the reading thread once the wait is over, only for reads that had a position to wait for.
 * Implementations must be fast and must not throw.
 */
@FunctionalInterface
public interface GtidWaitListener {

    /**
     * Called after a read waited for a replica.
     * @param replicaName the replica the read waited for
     * @param outcome how the wait ended, and so where the read runs
     */
    void gtidWaited(String replicaName, Outcome outcome);

    /** How a wait ended. */
    enum Outcome {

        /** The replica applied the position in time; the read runs on it. */
        REACHED,

        /** The replica did not apply the position within the timeout; the read runs on the primary. */
        TIMED_OUT,

        /** The wait itself failed; the read runs on the primary. */
        FAILED

    }

}
