package com.foobar.infra.router.routing;

/** Whether the router may send reads to a replica now; kept by the health monitor. */
@FunctionalInterface
public interface ReplicaEligibility {

    /** Every replica is always eligible: no health checking. */
    ReplicaEligibility ALL = (replicaName) -> true;

    boolean isEligible(String replicaName);

    /** Told when a connection to a replica could not be made or broke; by default nothing changes. */
    default void connectionFailed(String replicaName, String reason) {
    }

}
