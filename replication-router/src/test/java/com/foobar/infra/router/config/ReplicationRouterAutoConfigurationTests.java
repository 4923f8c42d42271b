package com.foobar.infra.router.config;

import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import com.foobar.infra.router.config.ReplicationRouterProperties.Health;
import com.foobar.infra.router.config.ReplicationRouterProperties.Node;
import com.foobar.infra.router.health.JdbcReplicaChecker;
import com.foobar.infra.router.health.ReplicaCheckResult;
import com.foobar.infra.router.health.ReplicaChecker;
import com.foobar.infra.router.health.ReplicaHealthMonitor;
import com.foobar.infra.router.routing.DatabaseNodeListener;
import com.foobar.infra.router.routing.NoReplicaPolicy;
import com.foobar.infra.router.routing.RecordingDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.jdbc.datasource.ConnectionProxy;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@ExtendWith(OutputCaptureExtension.class)
class ReplicationRouterAutoConfigurationTests {

    private static final ReplicaCheckResult HEALTHY = new ReplicaCheckResult(true, true, 0L, "");

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ReplicationRouterAutoConfiguration.class,
                    DataSourceAutoConfiguration.class));

    private final ApplicationContextRunner configuredRunner = this.runner.withPropertyValues(
            "foobar.datasource.username=foobar",
            "foobar.datasource.primary.name=db-primary",
            "foobar.datasource.primary.url=jdbc:mysql://127.0.0.1:23399/foobar",
            "foobar.datasource.replicas[0].name=db-replica-1",
            "foobar.datasource.replicas[0].url=jdbc:mysql://127.0.0.1:23398/foobar",
            "foobar.datasource.replicas[1].name=db-replica-2",
            "foobar.datasource.replicas[1].url=jdbc:mysql://127.0.0.1:23397/foobar");

    @Test
    void shouldFailWhenThePrimaryUrlIsMissing() {
        this.runner.withPropertyValues("foobar.datasource.username=foobar").run((context) -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .hasMessageContaining("'foobar.datasource'")
                    .hasMessageContaining("'primary.url'")
                    .hasMessageContaining("must not be blank");
        });
    }

    @Test
    void shouldNameTheMissingPrimaryUrlPropertyInTheStartUpReport(CapturedOutput output) {
        SpringApplicationBuilder application = new SpringApplicationBuilder(RouterOnlyApplication.class)
                .web(WebApplicationType.NONE)
                .properties("foobar.datasource.username=foobar", "logging.level.root=warn");

        assertThatExceptionOfType(BeanCreationException.class).isThrownBy(application::run);
        assertThat(output).contains("Property: foobar.datasource.primary.url").contains("must not be blank");
    }

    @Test
    void shouldFailWhenAReplicaHasNoName() {
        this.configuredRunner.withPropertyValues("foobar.datasource.replicas[2].url=jdbc:mysql://127.0.0.1:1/x")
                .run((context) -> assertThat(context.getStartupFailure()).rootCause()
                        .hasMessageContaining("'replicas[2].name'"));
    }

    @Test
    void shouldExposeALazyConnectionProxyAsTheOnlyDataSource() {
        this.configuredRunner.run((context) -> {
            assertThat(context).hasSingleBean(DataSource.class);
            assertThat(context.getBean(DataSource.class)).isInstanceOf(LazyConnectionDataSourceProxy.class);
            assertThat(context).getBean(DatabaseNodePoolFactory.class).isInstanceOf(HikariNodePoolFactory.class);
        });
    }

    @Test
    void shouldSendReadOnlyConnectionsToAReplicaAndWritesToThePrimary() {
        List<String> nodes = new CopyOnWriteArrayList<>();
        this.configuredRunner
                .withBean(DatabaseNodePoolFactory.class, () -> (node, replica) -> new RecordingDataSource(node.name()))
                .withBean(DatabaseNodeListener.class, () -> nodes::add)
                .withBean(ReplicaChecker.class, () -> (name) -> HEALTHY)
                .run((context) -> {
                    DataSource dataSource = context.getBean(DataSource.class);
                    TransactionTemplate transactions = new TransactionTemplate(
                            new DataSourceTransactionManager(dataSource));

                    transactions.setReadOnly(true);
                    transactions.executeWithoutResult((status) -> useConnection(dataSource));
                    transactions.executeWithoutResult((status) -> useConnection(dataSource));
                    transactions.setReadOnly(false);
                    transactions.executeWithoutResult((status) -> useConnection(dataSource));

                    assertThat(nodes.subList(0, 2)).containsExactlyInAnyOrder("db-replica-1", "db-replica-2");
                    assertThat(nodes.get(2)).isEqualTo("db-primary");
                });
    }

    @Test
    void shouldGiveEachReplicaItsWeightInTheRotation() {
        List<String> nodes = new CopyOnWriteArrayList<>();
        this.configuredRunner.withPropertyValues("foobar.datasource.replicas[0].weight=2")
                .withBean(DatabaseNodePoolFactory.class, () -> (node, replica) -> new RecordingDataSource(node.name()))
                .withBean(DatabaseNodeListener.class, () -> nodes::add)
                .withBean(ReplicaChecker.class, () -> (name) -> HEALTHY)
                .run((context) -> {
                    DataSource dataSource = context.getBean(DataSource.class);
                    TransactionTemplate reads = readOnlyTransactions(dataSource);

                    for (int i = 0; i < 6; i++) {
                        reads.executeWithoutResult((status) -> useConnection(dataSource));
                    }

                    // Two full rounds of weights 2:1, from wherever the random start falls.
                    assertThat(nodes).containsExactlyInAnyOrder("db-replica-1", "db-replica-1", "db-replica-1",
                            "db-replica-1", "db-replica-2", "db-replica-2");
                });
    }

    @Test
    void shouldStopSendingReadsToAReplicaTheMonitorTookOut() {
        List<String> nodes = new CopyOnWriteArrayList<>();
        this.configuredRunner
                .withBean(DatabaseNodePoolFactory.class, () -> (node, replica) -> new RecordingDataSource(node.name()))
                .withBean(DatabaseNodeListener.class, () -> nodes::add)
                .withBean(ReplicaChecker.class, () -> (name) -> name.equals("db-replica-1")
                        ? ReplicaCheckResult.unreachable("Connection refused") : HEALTHY)
                .run((context) -> {
                    DataSource dataSource = context.getBean(DataSource.class);
                    ReplicaHealthMonitor monitor = context.getBean(ReplicaHealthMonitor.class);
                    // The default fall is 3; the background checks can only add failures of their own.
                    for (int i = 0; i < 3; i++) {
                        monitor.check("db-replica-1");
                    }
                    TransactionTemplate reads = readOnlyTransactions(dataSource);

                    reads.executeWithoutResult((status) -> useConnection(dataSource));
                    reads.executeWithoutResult((status) -> useConnection(dataSource));

                    assertThat(nodes).containsExactly("db-replica-2", "db-replica-2");
                });
    }

    @Test
    void shouldFailReadsWhenNoReplicaIsEligibleAndSetToFail() {
        List<String> nodes = new CopyOnWriteArrayList<>();
        this.configuredRunner.withPropertyValues("foobar.datasource.when-no-replica=fail")
                .withBean(DatabaseNodePoolFactory.class, () -> (node, replica) -> new RecordingDataSource(node.name()))
                .withBean(DatabaseNodeListener.class, () -> nodes::add)
                .withBean(ReplicaChecker.class, () -> (name) -> ReplicaCheckResult.unreachable("refused"))
                .run((context) -> {
                    DataSource dataSource = context.getBean(DataSource.class);
                    ReplicaHealthMonitor monitor = context.getBean(ReplicaHealthMonitor.class);
                    for (int i = 0; i < 3; i++) {
                        monitor.check("db-replica-1");
                        monitor.check("db-replica-2");
                    }

                    readOnlyTransactions(dataSource).executeWithoutResult((status) -> assertThatExceptionOfType(
                            SQLTransientConnectionException.class)
                            .isThrownBy(() -> DataSourceUtils.getConnection(dataSource).createStatement()));
                    assertThat(nodes).isEmpty();
                });
    }

    @Test
    void shouldCheckTheReplicasInTheBackgroundWhileTheContextRuns() {
        AtomicReference<ReplicaHealthMonitor> monitor = new AtomicReference<>();
        this.configuredRunner.run((context) -> {
            assertThat(context).hasNotFailed();
            assertThat(context).getBean(ReplicaChecker.class).isInstanceOf(JdbcReplicaChecker.class);
            assertThat(context).hasSingleBean(ReplicaHealthMonitor.class);
            monitor.set(context.getBean(ReplicaHealthMonitor.class));
            assertThat(monitor.get().isRunning()).isTrue();
            assertThat(monitor.get().describe()).containsOnlyKeys("db-replica-1", "db-replica-2");
        });

        assertThat(monitor.get().isRunning()).isFalse();
    }

    @Test
    void shouldUseTheApplicationsReplicaChecker() {
        ReplicaChecker checker = (name) -> HEALTHY;
        this.configuredRunner.withBean(ReplicaChecker.class, () -> checker).run((context) -> {
            assertThat(context).getBean(ReplicaChecker.class).isSameAs(checker);
            assertThat(context).hasSingleBean(ReplicaHealthMonitor.class);
        });
    }

    @Test
    void shouldDefaultTheWeightsTheHealthChecksAndTheNoReplicaPolicy() {
        this.configuredRunner.run((context) -> {
            ReplicationRouterProperties properties = context.getBean(ReplicationRouterProperties.class);
            assertThat(properties.replicas()).extracting(Node::weight).containsExactly(1, 1);
            assertThat(properties.health()).isEqualTo(new Health(Duration.ofSeconds(1), Duration.ofSeconds(1),
                    Duration.ofSeconds(1), 3, 2));
            assertThat(properties.whenNoReplica()).isEqualTo(NoReplicaPolicy.PRIMARY);
        });
    }

    @Test
    void shouldBindTheWeightsTheHealthChecksAndTheNoReplicaPolicy() {
        this.configuredRunner.withPropertyValues(
                "foobar.datasource.replicas[1].weight=3",
                "foobar.datasource.health.interval=250ms",
                "foobar.datasource.health.timeout=2s",
                "foobar.datasource.health.max-lag=10s",
                "foobar.datasource.health.fall=5",
                "foobar.datasource.health.rise=4",
                "foobar.datasource.when-no-replica=fail")
                .run((context) -> {
                    ReplicationRouterProperties properties = context.getBean(ReplicationRouterProperties.class);
                    assertThat(properties.replicas()).extracting(Node::weight).containsExactly(1, 3);
                    assertThat(properties.health()).isEqualTo(new Health(Duration.ofMillis(250),
                            Duration.ofSeconds(2), Duration.ofSeconds(10), 5, 4));
                    assertThat(properties.whenNoReplica()).isEqualTo(NoReplicaPolicy.FAIL);
                });
    }

    @Test
    void shouldRejectAReplicaWeightBelowOne() {
        this.configuredRunner.withPropertyValues("foobar.datasource.replicas[1].weight=0")
                .run((context) -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause()
                            .hasMessageContaining("'foobar.datasource'")
                            .hasMessageContaining("'replicas[1].weight'")
                            .hasMessageContaining("must be greater than or equal to 1");
                });
    }

    @Test
    void shouldRejectAFallBelowOne() {
        this.configuredRunner.withPropertyValues("foobar.datasource.health.fall=0")
                .run((context) -> assertThat(context.getStartupFailure()).rootCause()
                        .hasMessageContaining("'health.fall'")
                        .hasMessageContaining("must be greater than or equal to 1"));
    }

    @Test
    void shouldRejectAnUnknownNoReplicaPolicy() {
        this.configuredRunner.withPropertyValues("foobar.datasource.when-no-replica=replica")
                .run((context) -> assertThat(context).hasFailed()
                        .getFailure().hasStackTraceContaining("foobar.datasource.when-no-replica"));
    }

    @Test
    void shouldCreateOneReadOnlyPoolPerReplica() {
        List<String> pools = new CopyOnWriteArrayList<>();
        this.configuredRunner
                .withBean(DatabaseNodePoolFactory.class, () -> (node, replica) -> {
                    pools.add(node.name() + (replica ? " (replica)" : ""));
                    return new RecordingDataSource(node.name());
                })
                .run((context) -> assertThat(pools)
                        .containsExactly("db-primary", "db-replica-1 (replica)", "db-replica-2 (replica)"));
    }

    @Test
    void shouldBindTheLauncherEnvironmentVariables() {
        Map<String, Object> environment = Map.of(
                "FOOBAR_DATASOURCE_USERNAME", "app",
                "FOOBAR_DATASOURCE_PASSWORD", "secret",
                "FOOBAR_DATASOURCE_PRIMARY_NAME", "db-primary",
                "FOOBAR_DATASOURCE_PRIMARY_URL", "jdbc:mysql://127.0.0.1:23301/foobar",
                "FOOBAR_DATASOURCE_REPLICAS_0_NAME", "db-replica-1",
                "FOOBAR_DATASOURCE_REPLICAS_0_URL", "jdbc:mysql://127.0.0.1:23302/foobar",
                "FOOBAR_DATASOURCE_POOL_MAXIMUM_POOL_SIZE", "4");
        this.runner.withInitializer((context) -> context.getEnvironment().getPropertySources().addFirst(
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        environment)))
                .run((context) -> {
                    ReplicationRouterProperties properties = context.getBean(ReplicationRouterProperties.class);
                    assertThat(properties.username()).isEqualTo("app");
                    assertThat(properties.password()).isEqualTo("secret");
                    assertThat(properties.primary())
                            .isEqualTo(new Node("db-primary", "jdbc:mysql://127.0.0.1:23301/foobar", 1));
                    assertThat(properties.replicas())
                            .containsExactly(new Node("db-replica-1", "jdbc:mysql://127.0.0.1:23302/foobar", 1));
                    assertThat(properties.pool().maximumPoolSize()).isEqualTo(4);
                    assertThat(properties.pool().connectionTimeout()).isEqualTo(Duration.ofSeconds(5));
                });
    }

    @Test
    void shouldKeepTheCaseOfConnectionPropertyNames() {
        this.configuredRunner
                .withPropertyValues("foobar.datasource.connection-properties.useInformationSchema=false")
                .run((context) -> assertThat(context.getBean(ReplicationRouterProperties.class).connectionProperties())
                        .containsExactly(Map.entry("useInformationSchema", "false")));
    }

    @Test
    void shouldBackOffWhenTheApplicationDefinesADataSource() {
        this.runner.withBean(DataSource.class, SimpleDriverDataSource::new).run((context) -> {
            assertThat(context).hasNotFailed();
            assertThat(context).getBean(DataSource.class).isInstanceOf(SimpleDriverDataSource.class);
            assertThat(context).doesNotHaveBean(ReplicationRouterProperties.class);
            assertThat(context).doesNotHaveBean(ReplicaHealthMonitor.class);
        });
    }

    private static TransactionTemplate readOnlyTransactions(DataSource dataSource) {
        TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        transactions.setReadOnly(true);
        return transactions;
    }

    private static void useConnection(DataSource dataSource) {
        ((ConnectionProxy) DataSourceUtils.getConnection(dataSource)).getTargetConnection();
    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration(ReplicationRouterAutoConfiguration.class)
    static class RouterOnlyApplication {

    }
}
