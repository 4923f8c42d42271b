package com.foobar.infra.router.routing;

import javax.sql.DataSource;

/**
 * A replica as the router balances it: its name, its DataSource and its weight in the rotation.
 *
 * @param name the replica's name, as the health monitor knows it
 * @param dataSource where its connections come from
 * @param weight how many turns it gets per round, at least 1
 */
public record ReplicaTarget(String name, DataSource dataSource, int weight) {

    public ReplicaTarget {
        if (weight < 1) {
            throw new IllegalArgumentException("The weight of " + name + " must be at least 1, got " + weight);
        }
    }

}
