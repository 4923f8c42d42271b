package com.foobar.infra.router.routing;

import java.sql.SQLException;
import java.util.List;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RoundRobinReplicaDataSourceTests {

    private final DataSource primary = new RecordingDataSource("db-primary");

    private final DataSource replica1 = new RecordingDataSource("db-replica-1");

    private final DataSource replica2 = new RecordingDataSource("db-replica-2");

    private final DataSource replica3 = new RecordingDataSource("db-replica-3");

    @Test
    void shouldPickReplicasInTurn() {
        RoundRobinReplicaDataSource replicas = new RoundRobinReplicaDataSource(
                List.of(this.replica1, this.replica2, this.replica3), this.primary);

        assertThat(Stream.generate(replicas::next).limit(7)).containsExactly(this.replica1, this.replica2,
                this.replica3, this.replica1, this.replica2, this.replica3, this.replica1);
    }

    @Test
    void shouldStartAtTheGivenPosition() {
        RoundRobinReplicaDataSource replicas = new RoundRobinReplicaDataSource(
                List.of(this.replica1, this.replica2, this.replica3), this.primary, 2);

        assertThat(Stream.generate(replicas::next).limit(3)).containsExactly(this.replica3, this.replica1,
                this.replica2);
    }

    @Test
    void shouldKeepPickingValidReplicasWhenTheCounterOverflows() {
        RoundRobinReplicaDataSource replicas = new RoundRobinReplicaDataSource(List.of(this.replica1, this.replica2),
                this.primary, Integer.MAX_VALUE);

        // MAX_VALUE is odd, then the counter wraps to MIN_VALUE, whose low bits are even.
        assertThat(Stream.generate(replicas::next).limit(3)).containsExactly(this.replica2, this.replica1,
                this.replica2);
    }

    @Test
    void shouldFallBackWhenThereIsNoReplica() {
        RoundRobinReplicaDataSource replicas = new RoundRobinReplicaDataSource(List.of(), this.primary);

        assertThat(Stream.generate(replicas::next).limit(2)).containsExactly(this.primary, this.primary);
    }

    @Test
    void shouldTakeConnectionsFromThePickedReplica() throws SQLException {
        RecordingDataSource first = new RecordingDataSource("db-replica-1");
        RecordingDataSource second = new RecordingDataSource("db-replica-2");
        RoundRobinReplicaDataSource replicas = new RoundRobinReplicaDataSource(List.of(first, second), this.primary);

        replicas.getConnection();
        replicas.getConnection("user", "secret");
        replicas.getConnection();

        assertThat(first.connections()).isEqualTo(2);
        assertThat(second.connections()).isEqualTo(1);
    }
}
