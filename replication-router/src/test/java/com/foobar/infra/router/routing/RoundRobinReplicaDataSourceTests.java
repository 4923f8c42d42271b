package com.foobar.infra.router.routing;

import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.entry;

class RoundRobinReplicaDataSourceTests {

    private final RecordingDataSource primary = new RecordingDataSource("db-primary");

    private final RecordingDataSource replica1 = new RecordingDataSource("db-replica-1");

    private final RecordingDataSource replica2 = new RecordingDataSource("db-replica-2");

    private final RecordingDataSource replica3 = new RecordingDataSource("db-replica-3");

    private final List<ReplicaTarget> threeReplicas = List.of(target(this.replica1, 1), target(this.replica2, 1),
            target(this.replica3, 1));

    private final Set<String> down = Collections.synchronizedSet(new HashSet<>());

    private final ReplicaEligibility upUnlessDown = (name) -> !this.down.contains(name);

    @Test
    void shouldPickReplicasInTurn() throws SQLException {
        RoundRobinReplicaDataSource replicas = new RoundRobinReplicaDataSource(this.threeReplicas, this.primary,
                ReplicaEligibility.ALL, NoReplicaPolicy.PRIMARY);

        assertThat(picks(replicas, 7)).containsExactly(this.replica1, this.replica2, this.replica3, this.replica1,
                this.replica2, this.replica3, this.replica1);
    }

    @Test
    void shouldStartAtTheGivenPosition() throws SQLException {
        RoundRobinReplicaDataSource replicas = new RoundRobinReplicaDataSource(this.threeReplicas, this.primary,
                ReplicaEligibility.ALL, NoReplicaPolicy.PRIMARY, 2);

        assertThat(picks(replicas, 3)).containsExactly(this.replica3, this.replica1, this.replica2);
    }

    @Test
    void shouldKeepPickingValidReplicasWhenTheCounterOverflows() throws SQLException {
        RoundRobinReplicaDataSource replicas = new RoundRobinReplicaDataSource(
                List.of(target(this.replica1, 1), target(this.replica2, 1)), this.primary, ReplicaEligibility.ALL,
                NoReplicaPolicy.PRIMARY, Integer.MAX_VALUE);

        // MAX_VALUE is odd, then the counter wraps to MIN_VALUE, whose low bits are even.
        assertThat(picks(replicas, 3)).containsExactly(this.replica2, this.replica1, this.replica2);
    }

    @Test
    void shouldInterleaveWeightsSmoothly() throws SQLException {
        RoundRobinReplicaDataSource replicas = new RoundRobinReplicaDataSource(
                List.of(target(this.replica1, 2), target(this.replica2, 1)), this.primary, ReplicaEligibility.ALL,
                NoReplicaPolicy.PRIMARY);

        assertThat(picks(replicas, 6)).containsExactly(this.replica1, this.replica2, this.replica1, this.replica1,
                this.replica2, this.replica1);
    }

    @Test
    void shouldFollowNginxSmoothWeightedOrder() throws SQLException {
        RoundRobinReplicaDataSource replicas = new RoundRobinReplicaDataSource(
                List.of(target(this.replica1, 5), target(this.replica2, 1), target(this.replica3, 1)), this.primary,
                ReplicaEligibility.ALL, NoReplicaPolicy.PRIMARY);

        // The sequence nginx documents for weights 5, 1, 1: a a b a c a a.
        assertThat(picks(replicas, 7)).containsExactly(this.replica1, this.replica1, this.replica2, this.replica1,
                this.replica3, this.replica1, this.replica1);
    }

    @Test
    void shouldSkipAnIneligibleReplica() throws SQLException {
        this.down.add("db-replica-2");
        RoundRobinReplicaDataSource replicas = new RoundRobinReplicaDataSource(this.threeReplicas, this.primary,
                this.upUnlessDown, NoReplicaPolicy.PRIMARY);

        assertThat(picks(replicas, 4)).containsExactly(this.replica1, this.replica3, this.replica1, this.replica3);
    }

    @Test
    void shouldShareTheTurnsOfAnIneligibleReplicaEvenly() throws SQLException {
        this.down.add("db-replica-1");
        RoundRobinReplicaDataSource replicas = new RoundRobinReplicaDataSource(this.threeReplicas, this.primary,
                this.upUnlessDown, NoReplicaPolicy.PRIMARY);

        Map<DataSource, Long> counts = picks(replicas, 100).stream()
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));

        assertThat(counts).containsOnly(entry(this.replica2, 50L), entry(this.replica3, 50L));
    }

    @Test
    void shouldAskForEligibilityAtEveryPick() throws SQLException {
        RoundRobinReplicaDataSource replicas = new RoundRobinReplicaDataSource(this.threeReplicas, this.primary,
                this.upUnlessDown, NoReplicaPolicy.PRIMARY);

        assertThat(picks(replicas, 1)).containsExactly(this.replica1);
        this.down.add("db-replica-2");
        assertThat(picks(replicas, 2)).containsExactly(this.replica3, this.replica1);
        this.down.remove("db-replica-2");
        assertThat(picks(replicas, 3)).containsExactly(this.replica2, this.replica3, this.replica1);
    }

    @Test
    void shouldUseThePrimaryWhenNoReplicaIsEligibleAndThePolicyIsPrimary() throws SQLException {
        this.down.addAll(List.of("db-replica-1", "db-replica-2", "db-replica-3"));
        RoundRobinReplicaDataSource replicas = new RoundRobinReplicaDataSource(this.threeReplicas, this.primary,
                this.upUnlessDown, NoReplicaPolicy.PRIMARY);

        assertThat(picks(replicas, 2)).containsExactly(this.primary, this.primary);
    }

    @Test
    void shouldFailWhenNoReplicaIsEligibleAndThePolicyIsFail() {
        this.down.addAll(List.of("db-replica-1", "db-replica-2", "db-replica-3"));
        RoundRobinReplicaDataSource replicas = new RoundRobinReplicaDataSource(this.threeReplicas, this.primary,
                this.upUnlessDown, NoReplicaPolicy.FAIL);

        assertThatExceptionOfType(SQLTransientConnectionException.class).isThrownBy(replicas::next)
                .withMessageContaining("No replica is eligible for reads");
        assertThatExceptionOfType(SQLTransientConnectionException.class).isThrownBy(replicas::getConnection);
        assertThat(this.primary.connections()).isZero();
    }

    @Test
    void shouldFallBackToThePrimaryWhenThereIsNoReplica() throws SQLException {
        RoundRobinReplicaDataSource replicas = new RoundRobinReplicaDataSource(List.of(), this.primary,
                ReplicaEligibility.ALL, NoReplicaPolicy.PRIMARY);

        assertThat(picks(replicas, 2)).containsExactly(this.primary, this.primary);
    }

    @Test
    void shouldUseThePrimaryWithoutReplicasEvenWhenThePolicyIsFail() throws SQLException {
        RoundRobinReplicaDataSource replicas = new RoundRobinReplicaDataSource(List.of(), this.primary,
                ReplicaEligibility.ALL, NoReplicaPolicy.FAIL);

        assertThat(picks(replicas, 2)).containsExactly(this.primary, this.primary);
    }

    @Test
    void shouldFindTheEligibleReplicaWhenOtherPicksTakeTurnsMeanwhile() throws SQLException {
        // Only db-replica-3 is up. While this pick looks at db-replica-1, another pick (a second thread, made
        // here by a nested call) takes the next turns and gets db-replica-3, so this pick's own turns come round
        // to db-replica-1 and db-replica-2 only: it must still find db-replica-3, not fail.
        AtomicReference<RoundRobinReplicaDataSource> self = new AtomicReference<>();
        AtomicBoolean interfered = new AtomicBoolean();
        List<DataSource> otherPicks = new ArrayList<>();
        ReplicaEligibility onlyReplica3 = (name) -> {
            if (name.equals("db-replica-1") && interfered.compareAndSet(false, true)) {
                try {
                    otherPicks.add(self.get().next());
                }
                catch (SQLTransientConnectionException ex) {
                    throw new IllegalStateException(ex);
                }
            }
            return name.equals("db-replica-3");
        };
        RoundRobinReplicaDataSource replicas = new RoundRobinReplicaDataSource(this.threeReplicas, this.primary,
                onlyReplica3, NoReplicaPolicy.FAIL);
        self.set(replicas);

        assertThat(replicas.next()).isSameAs(this.replica3);
        assertThat(otherPicks).containsExactly(this.replica3);
    }

    @Test
    void shouldTakeConnectionsFromThePickedReplica() throws SQLException {
        RoundRobinReplicaDataSource replicas = new RoundRobinReplicaDataSource(
                List.of(target(this.replica1, 1), target(this.replica2, 1)), this.primary, ReplicaEligibility.ALL,
                NoReplicaPolicy.PRIMARY);

        replicas.getConnection();
        replicas.getConnection();
        replicas.getConnection();

        assertThat(this.replica1.connections()).isEqualTo(2);
        assertThat(this.replica2.connections()).isEqualTo(1);
        assertThat(this.primary.connections()).isZero();
    }

    @Test
    void shouldRefusePerCallCredentials() {
        RoundRobinReplicaDataSource replicas = new RoundRobinReplicaDataSource(List.of(target(this.replica1, 1)),
                this.primary, ReplicaEligibility.ALL, NoReplicaPolicy.PRIMARY);

        assertThatExceptionOfType(SQLFeatureNotSupportedException.class)
            .isThrownBy(() -> replicas.getConnection("user", "secret"));
    }

    @Test
    void shouldRejectAWeightBelowOne() {
        assertThatExceptionOfType(IllegalArgumentException.class)
                .isThrownBy(() -> new ReplicaTarget("db-replica-1", this.replica1, 0))
                .withMessage("The weight of db-replica-1 must be at least 1, got 0");
    }

    private static ReplicaTarget target(RecordingDataSource replica, int weight) {
        return new ReplicaTarget(replica.toString(), replica, weight);
    }

    private static List<DataSource> picks(RoundRobinReplicaDataSource replicas, int count)
            throws SQLTransientConnectionException {
        List<DataSource> picks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            picks.add(replicas.next());
        }
        return picks;
    }
}
