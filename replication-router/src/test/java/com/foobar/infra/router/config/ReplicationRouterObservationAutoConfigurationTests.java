package com.foobar.infra.router.config;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import net.ttddyy.observation.tracing.DataSourceBaseContext;
import net.ttddyy.observation.tracing.DataSourceObservationListener;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import com.foobar.infra.router.observation.ObservedDatabaseNodePoolFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

class ReplicationRouterObservationAutoConfigurationTests {

    private final List<String> observed = new CopyOnWriteArrayList<>();

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(ReplicationRouterObservationAutoConfiguration.class,
                ReplicationRouterAutoConfiguration.class))
        .withPropertyValues("foobar.datasource.username=foobar", "foobar.datasource.primary.name=db-primary",
                "foobar.datasource.primary.url=jdbc:mysql://127.0.0.1:23399/foobar",
                "foobar.datasource.replicas[0].name=db-replica-1",
                "foobar.datasource.replicas[0].url=jdbc:mysql://127.0.0.1:23398/foobar")
        .withBean(ObservationRegistry.class, this::recordingRegistry);

    @Test
    void shouldObserveQueriesOnTheNodePoolTheRouterChose() throws Exception {
        DataSource pool = poolAnsweringQueries();
        this.runner.withBean(DatabaseNodePoolFactory.class, () -> (node, replica) -> pool).run((context) -> {
            assertThat(context.getBean(DatabaseNodePoolFactory.class))
                .isInstanceOf(ObservedDatabaseNodePoolFactory.class);
            try (Connection connection = context.getBean(DataSource.class).getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("SELECT 1");
            }
        });
        assertThat(this.observed).contains("jdbc.connection on db-primary", "jdbc.query on db-primary");
    }

    @Test
    void shouldLeaveThePoolsAloneWhenDisabledOrWithoutDatasourceMicrometer() {
        this.runner.withPropertyValues("foobar.datasource.observations.enabled=false")
            .run((context) -> assertThat(context.getBean(DatabaseNodePoolFactory.class))
                .isNotInstanceOf(ObservedDatabaseNodePoolFactory.class));
        this.runner.withClassLoader(new FilteredClassLoader(DataSourceObservationListener.class))
            .run((context) -> assertThat(context.getBean(DatabaseNodePoolFactory.class))
                .isNotInstanceOf(ObservedDatabaseNodePoolFactory.class));
    }

    private ObservationRegistry recordingRegistry() {
        ObservationRegistry registry = ObservationRegistry.create();
        registry.observationConfig().observationHandler(new ObservationHandler<DataSourceBaseContext>() {

            @Override
            public boolean supportsContext(Observation.Context context) {
                return context instanceof DataSourceBaseContext;
            }

            @Override
            public void onStop(DataSourceBaseContext context) {
                ReplicationRouterObservationAutoConfigurationTests.this.observed
                    .add(context.getName() + " on " + context.getDataSourceName());
            }

        });
        return registry;
    }

    private static DataSource poolAnsweringQueries() throws Exception {
        DataSource pool = mock(DataSource.class);
        Connection connection = mock(Connection.class);
        given(pool.getConnection()).willReturn(connection);
        given(connection.createStatement()).willReturn(mock(Statement.class));
        return pool;
    }

}
