package com.foobar.infra.router.metrics;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import com.foobar.infra.router.routing.NodeReportingDataSource;
import com.foobar.infra.router.routing.RecordingDataSource;

import static org.assertj.core.api.Assertions.assertThat;

class NodeConnectionCounterTests {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    private final NodeConnectionCounter counter = new NodeConnectionCounter(this.registry, "db-primary",
            List.of("db-replica-1", "db-replica-2"));

    @Test
    void shouldRegisterEveryNodesCounterAtZero() {
        assertThat(connections("db-primary", "primary")).isZero();
        assertThat(connections("db-replica-1", "replica")).isZero();
        assertThat(connections("db-replica-2", "replica")).isZero();
    }

    @Test
    void shouldCountTheConnectionsOfEachNodeTaggedWithItsRole() {
        this.counter.connectionObtained("db-primary");
        this.counter.connectionObtained("db-replica-2");
        this.counter.connectionObtained("db-replica-2");

        assertThat(connections("db-primary", "primary")).isEqualTo(1);
        assertThat(connections("db-replica-1", "replica")).isZero();
        assertThat(connections("db-replica-2", "replica")).isEqualTo(2);
    }

    @Test
    void shouldCountANodeItWasNotCreatedWithAsAReplica() {
        this.counter.connectionObtained("db-replica-3");

        assertThat(connections("db-replica-3", "replica")).isEqualTo(1);
    }

    @Test
    void shouldCountTheConnectionsANodesPoolHandsOut() throws SQLException {
        NodeReportingDataSource replica = new NodeReportingDataSource("db-replica-1",
                new RecordingDataSource("db-replica-1"), List.of(this.counter));

        try (Connection connection = replica.getConnection()) {
            assertThat(connection).isNotNull();
        }

        assertThat(connections("db-replica-1", "replica")).isEqualTo(1);
    }

    private double connections(String node, String role) {
        return this.registry.get("foobar.router.connections").tag("node", node).tag("role", role).counter().count();
    }

}
