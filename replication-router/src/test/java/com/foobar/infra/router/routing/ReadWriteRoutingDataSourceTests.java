package com.foobar.infra.router.routing;

import java.sql.SQLTransientConnectionException;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.jdbc.datasource.ConnectionProxy;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ReadWriteRoutingDataSourceTests {

    private final RecordingDataSource primary = new RecordingDataSource("db-primary");

    private final RecordingDataSource replica1 = new RecordingDataSource("db-replica-1");

    private final RecordingDataSource replica2 = new RecordingDataSource("db-replica-2");

    private final ReadWriteRoutingDataSource router = new ReadWriteRoutingDataSource(this.primary,
            new RoundRobinReplicaDataSource(List.of(target(this.replica1), target(this.replica2)), this.primary,
                    ReplicaEligibility.ALL, NoReplicaPolicy.PRIMARY));

    @Test
    void shouldBeALazyConnectionProxy() {
        assertThat(this.router).isInstanceOf(LazyConnectionDataSourceProxy.class);
    }

    @Test
    void shouldSendReadOnlyTransactionsToTheReplicasInTurn() {
        TransactionTemplate reads = transactions(this.router, true);

        reads.executeWithoutResult((status) -> useConnection(this.router));
        reads.executeWithoutResult((status) -> useConnection(this.router));
        reads.executeWithoutResult((status) -> useConnection(this.router));

        assertThat(this.replica1.connections()).isEqualTo(2);
        assertThat(this.replica2.connections()).isEqualTo(1);
        assertThat(this.primary.connections()).isZero();
    }

    @Test
    void shouldSendReadWriteTransactionsToThePrimary() {
        transactions(this.router, false).executeWithoutResult((status) -> useConnection(this.router));

        assertThat(this.primary.connections()).isEqualTo(1);
        assertThat(this.replica1.connections() + this.replica2.connections()).isZero();
    }

    @Test
    void shouldSendWorkOutsideTransactionsToThePrimary() throws Exception {
        ((ConnectionProxy) this.router.getConnection()).getTargetConnection();

        assertThat(this.primary.connections()).isEqualTo(1);
        assertThat(this.replica1.connections() + this.replica2.connections()).isZero();
    }

    @Test
    void shouldSendReadOnlyTransactionsToThePrimaryWithoutReplicas() {
        ReadWriteRoutingDataSource primaryOnly = new ReadWriteRoutingDataSource(this.primary,
                new RoundRobinReplicaDataSource(List.of(), this.primary, ReplicaEligibility.ALL,
                        NoReplicaPolicy.PRIMARY));

        transactions(primaryOnly, true).executeWithoutResult((status) -> useConnection(primaryOnly));

        assertThat(this.primary.connections()).isEqualTo(1);
    }

    @Test
    void shouldSendReadOnlyTransactionsToTheEligibleReplicasOnly() {
        ReadWriteRoutingDataSource router = new ReadWriteRoutingDataSource(this.primary,
                new RoundRobinReplicaDataSource(List.of(target(this.replica1), target(this.replica2)), this.primary,
                        (name) -> !name.equals("db-replica-1"), NoReplicaPolicy.PRIMARY));
        TransactionTemplate reads = transactions(router, true);

        reads.executeWithoutResult((status) -> useConnection(router));
        reads.executeWithoutResult((status) -> useConnection(router));

        assertThat(this.replica2.connections()).isEqualTo(2);
        assertThat(this.replica1.connections() + this.primary.connections()).isZero();
    }

    @Test
    void shouldSendReadOnlyTransactionsToThePrimaryWhenNoReplicaIsEligible() {
        ReadWriteRoutingDataSource router = new ReadWriteRoutingDataSource(this.primary,
                new RoundRobinReplicaDataSource(List.of(target(this.replica1), target(this.replica2)), this.primary,
                        (name) -> false, NoReplicaPolicy.PRIMARY));

        transactions(router, true).executeWithoutResult((status) -> useConnection(router));

        assertThat(this.primary.connections()).isEqualTo(1);
        assertThat(this.replica1.connections() + this.replica2.connections()).isZero();
    }

    @Test
    void shouldFailTheFirstStatementOfAReadOnlyTransactionWhenNoReplicaIsEligibleAndThePolicyIsFail() {
        ReadWriteRoutingDataSource router = new ReadWriteRoutingDataSource(this.primary,
                new RoundRobinReplicaDataSource(List.of(target(this.replica1), target(this.replica2)), this.primary,
                        (name) -> false, NoReplicaPolicy.FAIL));

        transactions(router, true).executeWithoutResult((status) -> assertThatExceptionOfType(
                SQLTransientConnectionException.class)
                .isThrownBy(() -> DataSourceUtils.getConnection(router).createStatement())
                .withMessageContaining("No replica is eligible"));
        transactions(router, false).executeWithoutResult((status) -> useConnection(router));

        assertThat(this.primary.connections()).isEqualTo(1);
        assertThat(this.replica1.connections() + this.replica2.connections()).isZero();
    }

    @Test
    void shouldTakeNoConnectionForATransactionThatRunsNoStatement() {
        transactions(this.router, true).executeWithoutResult((status) -> DataSourceUtils.getConnection(this.router));
        transactions(this.router, false).executeWithoutResult((status) -> DataSourceUtils.getConnection(this.router));

        assertThat(this.primary.connections() + this.replica1.connections() + this.replica2.connections()).isZero();
    }

    private static ReplicaTarget target(RecordingDataSource replica) {
        return new ReplicaTarget(replica.toString(), replica, 1);
    }

    private static TransactionTemplate transactions(DataSource dataSource, boolean readOnly) {
        TransactionTemplate template = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        template.setReadOnly(readOnly);
        return template;
    }

    /** Does what running a statement does: makes the lazy connection fetch its physical connection. */
    private static void useConnection(DataSource dataSource) {
        ((ConnectionProxy) DataSourceUtils.getConnection(dataSource)).getTargetConnection();
    }
}
