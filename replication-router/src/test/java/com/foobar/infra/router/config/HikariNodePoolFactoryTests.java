package com.foobar.infra.router.config;

import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.zaxxer.hikari.HikariDataSource;
import com.foobar.infra.router.config.ReplicationRouterProperties.Health;
import com.foobar.infra.router.config.ReplicationRouterProperties.Node;
import com.foobar.infra.router.config.ReplicationRouterProperties.Pool;
import com.foobar.infra.router.config.ReplicationRouterProperties.ReadYourWrites;
import com.foobar.infra.router.routing.NoReplicaPolicy;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HikariNodePoolFactoryTests {

    private final ReplicationRouterProperties properties = new ReplicationRouterProperties("foobar", "secret",
            new Node("db-primary", "jdbc:mysql://127.0.0.1:23399/foobar", 1), List.of(),
            new Pool(7, Duration.ofMillis(1500), Duration.ofMillis(700)), Map.of("useInformationSchema", "false"),
            new Health(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1), 3, 2),
            NoReplicaPolicy.PRIMARY, true, new ReadYourWrites(true, Duration.ofMillis(500), "foobar-gtid",
            Duration.ofSeconds(10), null));

    private final HikariNodePoolFactory factory = new HikariNodePoolFactory(this.properties);

    @Test
    void shouldNameThePoolAfterTheNode() {
        HikariDataSource pool = this.factory.create(new Node("db-replica-2", "jdbc:mysql://127.0.0.1:23398/foobar", 1),
                true);

        assertThat(pool.getPoolName()).isEqualTo("db-replica-2");
        assertThat(pool.getJdbcUrl()).isEqualTo("jdbc:mysql://127.0.0.1:23398/foobar");
        assertThat(pool.getUsername()).isEqualTo("foobar");
        assertThat(pool.getPassword()).isEqualTo("secret");
    }

    @Test
    void shouldApplyThePoolSettings() {
        HikariDataSource pool = this.factory.create(this.properties.primary(), false);

        assertThat(pool.getMaximumPoolSize()).isEqualTo(7);
        assertThat(pool.getConnectionTimeout()).isEqualTo(1500);
        assertThat(pool.getInitializationFailTimeout()).isNegative();
    }

    @Test
    void shouldMatchTheDefaultsTheRouterAssumes() {
        HikariDataSource pool = this.factory.create(this.properties.primary(), false);

        assertThat(pool.isAutoCommit()).isTrue();
        assertThat(pool.getTransactionIsolation()).isEqualTo(String.valueOf(Connection.TRANSACTION_REPEATABLE_READ));
    }

    @Test
    void shouldGiveTheConnectionPropertiesToTheDriver() {
        HikariDataSource pool = this.factory.create(this.properties.primary(), false);

        assertThat(pool.getDataSourceProperties()).containsExactly(Map.entry("useInformationSchema", "false"));
    }

    @Test
    void shouldMakeOnlyReplicaPoolsReadOnly() {
        HikariDataSource primary = this.factory.create(this.properties.primary(), false);
        HikariDataSource replica = this.factory.create(new Node("db-replica-1", "jdbc:mysql://127.0.0.1:1/x", 1), true);

        assertThat(primary.isReadOnly()).isFalse();
        assertThat(replica.isReadOnly()).isTrue();
    }

    @Test
    void shouldGiveReplicaPoolsTheirShorterConnectionTimeout() {
        HikariDataSource primary = this.factory.create(this.properties.primary(), false);
        HikariDataSource replica = this.factory.create(new Node("db-replica-1", "jdbc:mysql://127.0.0.1:1/x", 1), true);

        assertThat(primary.getConnectionTimeout()).isEqualTo(1500);
        assertThat(replica.getConnectionTimeout()).isEqualTo(700);
    }

    @Test
    void shouldCloseEveryPoolItCreated() {
        HikariDataSource primary = this.factory.create(this.properties.primary(), false);
        HikariDataSource replica = this.factory.create(new Node("db-replica-1", "jdbc:mysql://127.0.0.1:1/x", 1), true);

        this.factory.close();

        assertThat(primary.isClosed()).isTrue();
        assertThat(replica.isClosed()).isTrue();
    }
}
