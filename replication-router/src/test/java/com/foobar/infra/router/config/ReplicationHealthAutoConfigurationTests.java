package com.foobar.infra.router.config;

import javax.sql.DataSource;

import com.foobar.infra.router.health.ReplicaCheckResult;
import com.foobar.infra.router.health.ReplicaChecker;
import com.foobar.infra.router.health.ReplicationHealthIndicator;
import com.foobar.infra.router.routing.RecordingDataSource;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import static org.assertj.core.api.Assertions.assertThat;

class ReplicationHealthAutoConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ReplicationRouterAutoConfiguration.class,
                    ReplicationHealthAutoConfiguration.class, DataSourceAutoConfiguration.class))
            .withPropertyValues(
                    "foobar.datasource.username=foobar",
                    "foobar.datasource.primary.name=db-primary",
                    "foobar.datasource.primary.url=jdbc:mysql://127.0.0.1:23399/foobar",
                    "foobar.datasource.replicas[0].name=db-replica-1",
                    "foobar.datasource.replicas[0].url=jdbc:mysql://127.0.0.1:23398/foobar",
                    "foobar.datasource.health.interval=1h")
            .withBean(DatabaseNodePoolFactory.class, () -> (node, replica) -> new RecordingDataSource(node.name()))
            .withBean(ReplicaChecker.class, () -> (name) -> new ReplicaCheckResult(true, true, 0L, ""));

    @Test
    void shouldShowEachReplicaOnTheHealthEndpoint() {
        this.runner.run((context) -> {
            assertThat(context).hasSingleBean(ReplicationHealthIndicator.class);
            Health health = context.getBean("replicationHealthIndicator", HealthIndicator.class).health();
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsOnlyKeys("db-replica-1");
        });
    }

    @Test
    void shouldUseTheApplicationsIndicatorOfTheSameName() {
        HealthIndicator own = () -> Health.up().build();
        this.runner.withBean("replicationHealthIndicator", HealthIndicator.class, () -> own)
            .run((context) -> {
                assertThat(context).doesNotHaveBean(ReplicationHealthIndicator.class);
                assertThat(context).getBean("replicationHealthIndicator").isSameAs(own);
            });
    }

    @Test
    void shouldBackOffWithoutSpringBootsHealthClasses() {
        this.runner.withClassLoader(new FilteredClassLoader(HealthIndicator.class)).run((context) -> {
            assertThat(context).hasNotFailed().hasSingleBean(DataSource.class);
            assertThat(context).doesNotHaveBean(ReplicationHealthIndicator.class);
        });
    }

    @Test
    void shouldBackOffWhenTheApplicationDefinesADataSource() {
        this.runner.withBean(DataSource.class, SimpleDriverDataSource::new).run((context) -> {
            assertThat(context).hasNotFailed().getBean(DataSource.class).isInstanceOf(SimpleDriverDataSource.class);
            assertThat(context).doesNotHaveBean(ReplicationHealthIndicator.class);
        });
    }

}
