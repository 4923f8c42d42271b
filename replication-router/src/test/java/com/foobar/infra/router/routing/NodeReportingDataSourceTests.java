package com.foobar.infra.router.routing;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.jdbc.datasource.AbstractDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class NodeReportingDataSourceTests {

    private final List<String> reported = new ArrayList<>();

    @Test
    void shouldReportTheNodeToEveryListenerForEachConnection() throws SQLException {
        List<String> second = new ArrayList<>();
        NodeReportingDataSource node = new NodeReportingDataSource("db-replica-1",
                new RecordingDataSource("pool"), List.of(this.reported::add, second::add));

        node.getConnection();
        node.getConnection("user", "secret");

        assertThat(this.reported).containsExactly("db-replica-1", "db-replica-1");
        assertThat(second).containsExactly("db-replica-1", "db-replica-1");
    }

    @Test
    void shouldNotReportAFailedAttempt() {
        NodeReportingDataSource node = new NodeReportingDataSource("db-primary", new UnreachableDataSource(),
                List.of(this.reported::add));

        assertThatExceptionOfType(SQLException.class).isThrownBy(node::getConnection);
        assertThat(this.reported).isEmpty();
    }

    private static final class UnreachableDataSource extends AbstractDataSource {

        @Override
        public Connection getConnection() throws SQLException {
            throw new SQLException("Connection refused");
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            throw new SQLException("Connection refused");
        }
    }
}
