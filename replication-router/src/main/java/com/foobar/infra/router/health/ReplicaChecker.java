package com.foobar.infra.router.health;

/** Checks one replica by name; never throws, a failure is a result. */
@FunctionalInterface
public interface ReplicaChecker {

    ReplicaCheckResult check(String replicaName);

}
