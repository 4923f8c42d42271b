package com.foobar.infra.router.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import com.foobar.infra.router.config.ReplicationRouterProperties.Node;
import com.foobar.infra.router.routing.DatabaseNodeListener;
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
                .run((context) -> {
                    DataSource dataSource = context.getBean(DataSource.class);
                    TransactionTemplate transactions = new TransactionTemplate(
                            new DataSourceTransactionManager(dataSource));

                    transactions.setReadOnly(true);
                    transactions.executeWithoutResult((status) -> useConnection(dataSource));
                    transactions.executeWithoutResult((status) -> useConnection(dataSource));
                    transactions.setReadOnly(false);
                    transactions.executeWithoutResult((status) -> useConnection(dataSource));

                    assertThat(nodes).containsExactly("db-replica-1", "db-replica-2", "db-primary");
                });
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
                            .isEqualTo(new Node("db-primary", "jdbc:mysql://127.0.0.1:23301/foobar"));
                    assertThat(properties.replicas())
                            .containsExactly(new Node("db-replica-1", "jdbc:mysql://127.0.0.1:23302/foobar"));
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
        });
    }

    private static void useConnection(DataSource dataSource) {
        ((ConnectionProxy) DataSourceUtils.getConnection(dataSource)).getTargetConnection();
    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration(ReplicationRouterAutoConfiguration.class)
    static class RouterOnlyApplication {

    }
}
