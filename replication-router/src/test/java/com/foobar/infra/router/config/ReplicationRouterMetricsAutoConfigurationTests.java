package com.foobar.infra.router.config;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.function.Function;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import com.foobar.infra.router.consistency.GtidPosition;
import com.foobar.infra.router.consistency.ReadYourWritesContext;
import com.foobar.infra.router.health.ReplicaCheckResult;
import com.foobar.infra.router.health.ReplicaChecker;
import com.foobar.infra.router.health.ReplicaHealthMonitor;
import com.foobar.infra.router.metrics.GtidWaitCounter;
import com.foobar.infra.router.metrics.NodeConnectionCounter;
import com.foobar.infra.router.metrics.ReplicaEjectionCounter;
import com.foobar.infra.router.metrics.ReplicaHealthGauges;
import com.foobar.infra.router.routing.ReadWriteRoutingDataSource;
import com.foobar.infra.router.routing.RecordingDataSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.datasource.AbstractDataSource;
import org.springframework.jdbc.datasource.ConnectionProxy;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

class ReplicationRouterMetricsAutoConfigurationTests {

    private static final ReplicaCheckResult HEALTHY = new ReplicaCheckResult(true, true, 0L, "");

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ReplicationRouterAutoConfiguration.class,
                    ReplicationRouterMetricsAutoConfiguration.class, DataSourceAutoConfiguration.class))
            .withPropertyValues(
                    "foobar.datasource.username=foobar",
                    "foobar.datasource.primary.name=db-primary",
                    "foobar.datasource.primary.url=jdbc:mysql://127.0.0.1:23399/foobar",
                    "foobar.datasource.replicas[0].name=db-replica-1",
                    "foobar.datasource.replicas[0].url=jdbc:mysql://127.0.0.1:23398/foobar",
                    // Only the checks a test runs itself change a replica's state.
                    "foobar.datasource.health.interval=1h")
            .withBean(DatabaseNodePoolFactory.class,
                    () -> (node, replica) -> replica ? new CaughtUpReplica() : new RecordingDataSource(node.name()))
            .withBean(ReplicaChecker.class, () -> (name) -> HEALTHY);

    @Test
    void shouldPublishTheRouterMetricsWhenTheApplicationHasAMeterRegistry() {
        this.runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new).run((context) -> {
            assertThat(context).hasSingleBean(NodeConnectionCounter.class)
                .hasSingleBean(ReplicaEjectionCounter.class)
                .hasSingleBean(ReplicaHealthGauges.class)
                .hasSingleBean(GtidWaitCounter.class);
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            assertThat(registry.get("foobar.router.connections").counters()).hasSize(2);
            assertThat(registry.get("foobar.router.replica.lag").tag("node", "db-replica-1").gauge()).isNotNull();
            assertThat(registry.get("foobar.router.replica.eligible").gauge().value()).isEqualTo(1.0);
        });
    }

    @Test
    void shouldCountTheConnectionsTheRouterHandsOut() {
        this.runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new).run((context) -> {
            DataSource dataSource = context.getBean(DataSource.class);
            TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));

            transactions.setReadOnly(true);
            transactions.executeWithoutResult((status) -> useConnection(dataSource));
            transactions.setReadOnly(false);
            transactions.executeWithoutResult((status) -> useConnection(dataSource));
            transactions.executeWithoutResult((status) -> useConnection(dataSource));

            MeterRegistry registry = context.getBean(MeterRegistry.class);
            assertThat(registry.get("foobar.router.connections").tags("node", "db-replica-1", "role", "replica")
                .counter().count()).isEqualTo(1);
            assertThat(registry.get("foobar.router.connections").tags("node", "db-primary", "role", "primary")
                .counter().count()).isEqualTo(2);
        });
    }

    @Test
    void shouldCountTheEjectionsOfTheRoutersMonitor() {
        this.runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new).run((context) -> {
            context.getBean(ReplicaHealthMonitor.class).markDown("db-replica-1", "Connection reset");

            MeterRegistry registry = context.getBean(MeterRegistry.class);
            assertThat(registry.get("foobar.router.replica.ejections").tags("node", "db-replica-1", "cause", "query")
                .counter().count()).isEqualTo(1);
            assertThat(registry.get("foobar.router.replica.eligible").gauge().value()).isZero();
        });
    }

    @Test
    void shouldCountTheReadYourWritesWaitsOfTheRoutersBarrier() {
        this.runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new).run((context) -> {
            DataSource dataSource = context.getBean(DataSource.class);
            ReadYourWritesContext readYourWrites = context.getBean(ReadYourWritesContext.class);
            TransactionTemplate reads = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
            reads.setReadOnly(true);

            readYourWrites.begin(new GtidPosition("0-1-42"), (position) -> {
            });
            try {
                reads.executeWithoutResult((status) -> useConnection(dataSource));
            }
            finally {
                readYourWrites.end();
            }

            MeterRegistry registry = context.getBean(MeterRegistry.class);
            assertThat(registry.get("foobar.router.gtid.waits").tag("outcome", "reached").counter().count())
                .isEqualTo(1);
        });
    }

    @Test
    void shouldNotCountReadYourWritesWaitsWhenReadYourWritesIsDisabled() {
        this.runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
            .withPropertyValues("foobar.datasource.read-your-writes.enabled=false")
            .run((context) -> {
                assertThat(context).doesNotHaveBean(GtidWaitCounter.class).hasSingleBean(NodeConnectionCounter.class);
                assertThat(context.getBean(MeterRegistry.class).find("foobar.router.gtid.waits").meters()).isEmpty();
            });
    }

    @Test
    void shouldPublishTheRouterMetricsToSpringBootsMeterRegistry() {
        this.runner
            .withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class,
                    SimpleMetricsExportAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class))
            .run((context) -> {
                assertThat(context).hasSingleBean(NodeConnectionCounter.class);
                assertThat(context.getBean(MeterRegistry.class).find("foobar.router.connections").counters())
                    .hasSize(2);
            });
    }

    @Test
    void shouldBackOffWithoutAMeterRegistryBean() {
        this.runner.run((context) -> {
            assertThat(context).hasNotFailed().hasSingleBean(DataSource.class);
            assertThat(context).doesNotHaveBean(NodeConnectionCounter.class)
                .doesNotHaveBean(ReplicaEjectionCounter.class)
                .doesNotHaveBean(ReplicaHealthGauges.class)
                .doesNotHaveBean(GtidWaitCounter.class);
        });
    }

    @Test
    void shouldBackOffWithoutMicrometer() {
        this.runner.withClassLoader(new FilteredClassLoader(MeterRegistry.class)).run((context) -> {
            assertThat(context).hasNotFailed().hasSingleBean(DataSource.class);
            assertThat(context).doesNotHaveBean(NodeConnectionCounter.class)
                .doesNotHaveBean(ReplicaEjectionCounter.class)
                .doesNotHaveBean(ReplicaHealthGauges.class)
                .doesNotHaveBean(GtidWaitCounter.class);
        });
    }

    @Test
    void shouldBackOffWhenTheApplicationDefinesADataSource() {
        this.runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
            .withBean(DataSource.class, SimpleDriverDataSource::new)
            .run((context) -> {
                assertThat(context).hasNotFailed().getBean(DataSource.class).isInstanceOf(SimpleDriverDataSource.class);
                assertThat(context).doesNotHaveBean(NodeConnectionCounter.class)
                    .doesNotHaveBean(ReplicaEjectionCounter.class)
                    .doesNotHaveBean(ReplicaHealthGauges.class)
                    .doesNotHaveBean(GtidWaitCounter.class);
            });
    }

    private static void useConnection(DataSource dataSource) {
        ((ConnectionProxy) DataSourceUtils.getConnection(dataSource)).getTargetConnection();
    }

    /** A MariaDB replica that has applied every position a read waits for. */
    private static final class CaughtUpReplica extends AbstractDataSource {

        @Override
        public Connection getConnection() {
            ResultSet rows = proxy(ResultSet.class, (method) -> switch (method) {
                case "next" -> true;
                case "getInt" -> 0;
                case "wasNull" -> false;
                default -> null;
            });
            PreparedStatement wait = proxy(PreparedStatement.class,
                    (method) -> method.equals("executeQuery") ? rows : null);
            DatabaseMetaData metaData = proxy(DatabaseMetaData.class,
                    (method) -> method.equals("getDatabaseProductVersion") ? "11.4.5-MariaDB" : null);
            return proxy(Connection.class, (method) -> switch (method) {
                case "getAutoCommit" -> true;
                case "getTransactionIsolation" -> ReadWriteRoutingDataSource.ISOLATION;
                case "isReadOnly", "isClosed" -> false;
                case "getMetaData" -> metaData;
                case "prepareStatement" -> wait;
                default -> null;
            });
        }

        @Override
        public Connection getConnection(String username, String password) {
            return getConnection();
        }

        private static <T> T proxy(Class<T> type, Function<String, @Nullable Object> answers) {
            return type.cast(Proxy.newProxyInstance(CaughtUpReplica.class.getClassLoader(), new Class<?>[] {type},
                    (proxy, method, args) -> switch (method.getName()) {
                        case "hashCode" -> System.identityHashCode(proxy);
                        case "equals" -> proxy == args[0];
                        case "toString" -> "db-replica-1 " + type.getSimpleName();
                        default -> answers.apply(method.getName());
                    }));
        }

    }

}
