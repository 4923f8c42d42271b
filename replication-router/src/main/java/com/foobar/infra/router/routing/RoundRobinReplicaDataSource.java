package com.foobar.infra.router.routing;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.datasource.AbstractDataSource;

/**
 * A {@link DataSource} that takes each connection from the next eligible replica in a weighted round robin, and
 * from the primary (or nowhere, per {@link NoReplicaPolicy}) when none is eligible.
 *
 * <p>Round robin rather than least-in-use: each application instance balances only its own short-lived
 * connections, so counting them adds little, while replicas that are slow because they lag or fail are taken out
 * by the health monitor instead. The rotation interleaves weights smoothly (weights 2 and 1 give A B A, not A A B).
 * A replica out of the rotation gives up its turn to the next eligible one, so the rest share its load evenly.
 */
public class RoundRobinReplicaDataSource extends AbstractDataSource {

    private final List<ReplicaTarget> rotation;

    private final DataSource primary;

    private final ReplicaEligibility eligibility;

    private final NoReplicaPolicy noReplicaPolicy;

    private final ReplicaReadBarrier barrier;

    private final DatabaseNodeListener servedBy;

    private final AtomicInteger position;

    /**
     * @param replicas the replicas, in the order they are used
     * @param primary where reads go when no replica is eligible and the policy is {@link NoReplicaPolicy#PRIMARY}
     * @param eligibility which replicas may serve reads now
     * @param noReplicaPolicy what happens when none may
     * @param barrier whether a replica connection is fresh enough for this read, or the primary must serve it
     * @param servedBy told the replica that serves each read, once the choice is final (not a replica that failed
     * or was passed over by the barrier)
     * @param startPosition the position of the first pick; any int
     */
    public RoundRobinReplicaDataSource(List<ReplicaTarget> replicas, DataSource primary,
            ReplicaEligibility eligibility, NoReplicaPolicy noReplicaPolicy, ReplicaReadBarrier barrier,
            DatabaseNodeListener servedBy, int startPosition) {
        this.rotation = smoothRotation(replicas);
        this.primary = primary;
        this.eligibility = eligibility;
        this.noReplicaPolicy = noReplicaPolicy;
        this.barrier = barrier;
        this.servedBy = servedBy;
        this.position = new AtomicInteger(startPosition);
    }

    public RoundRobinReplicaDataSource(List<ReplicaTarget> replicas, DataSource primary,
            ReplicaEligibility eligibility, NoReplicaPolicy noReplicaPolicy, int startPosition) {
        this(replicas, primary, eligibility, noReplicaPolicy, ReplicaReadBarrier.NONE, (node) -> {
        }, startPosition);
    }

    public RoundRobinReplicaDataSource(List<ReplicaTarget> replicas, DataSource primary,
            ReplicaEligibility eligibility, NoReplicaPolicy noReplicaPolicy) {
        this(replicas, primary, eligibility, noReplicaPolicy, 0);
    }

    /**
     * Returns the DataSource the next connection comes from, and advances the turn.
     * @throws SQLTransientConnectionException when no replica is eligible and the policy says fail
     */
    public DataSource next() throws SQLTransientConnectionException {
        ReplicaTarget replica = nextReplica();
        return replica != null ? replica.dataSource() : fallback();
    }

    /**
     * A connection from the next eligible replica. When that replica cannot give one, it is reported to the
     * eligibility (which takes it out) and the next eligible replica is asked, once. When the barrier finds the
     * replica behind what this read must see, the primary serves the read.
     */
    @Override
    public Connection getConnection() throws SQLException {
        for (int attempt = 0; attempt < 2; attempt++) {
            ReplicaTarget replica = nextReplica();
            if (replica == null) {
                break;
            }
            Connection connection;
            try {
                connection = replica.dataSource().getConnection();
            }
            catch (SQLException ex) {
                this.eligibility.connectionFailed(replica.name(), String.valueOf(ex.getMessage()));
                continue;
            }
            if (this.barrier.isCaughtUp(replica.name(), connection)) {
                this.servedBy.connectionObtained(replica.name());
                return connection;
            }
            connection.close();
            return this.primary.getConnection();
        }
        return fallback().getConnection();
    }

    /** Not supported: every node's pool connects with the router's configured account. */
    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("The replication router's pools use the configured account");
    }

    private @Nullable ReplicaTarget nextReplica() {
        for (int tries = 0; tries < this.rotation.size(); tries++) {
            // Clear the sign bit: the counter wraps to negative after Integer.MAX_VALUE picks.
            int index = (this.position.getAndIncrement() & Integer.MAX_VALUE) % this.rotation.size();
            ReplicaTarget candidate = this.rotation.get(index);
            if (this.eligibility.isEligible(candidate.name())) {
                return candidate;
            }
        }
        // Concurrent picks take turns between these tries, so under load the tries can all land on ineligible
        // replicas while another is eligible: look through the whole rotation before giving up on the replicas.
        for (ReplicaTarget candidate : this.rotation) {
            if (this.eligibility.isEligible(candidate.name())) {
                return candidate;
            }
        }
        return null;
    }

    private DataSource fallback() throws SQLTransientConnectionException {
        if (this.noReplicaPolicy == NoReplicaPolicy.FAIL && !this.rotation.isEmpty()) {
            throw new SQLTransientConnectionException(
                    "No replica is eligible for reads (all down or lagging) and the router is set to fail then");
        }
        return this.primary;
    }

    // nginx's smooth weighted round robin, played once through a whole round.
    private static List<ReplicaTarget> smoothRotation(List<ReplicaTarget> replicas) {
        int total = replicas.stream().mapToInt(ReplicaTarget::weight).sum();
        int[] current = new int[replicas.size()];
        List<ReplicaTarget> rotation = new ArrayList<>(total);
        for (int turn = 0; turn < total; turn++) {
            int best = 0;
            for (int i = 0; i < replicas.size(); i++) {
                current[i] += replicas.get(i).weight();
                if (current[i] > current[best]) {
                    best = i;
                }
            }
            current[best] -= total;
            rotation.add(replicas.get(best));
        }
        return List.copyOf(rotation);
    }

}
