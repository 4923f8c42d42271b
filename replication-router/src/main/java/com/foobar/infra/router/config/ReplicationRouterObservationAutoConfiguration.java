package com.foobar.infra.router.config;

import java.util.Set;

import io.micrometer.observation.ObservationRegistry;
import net.ttddyy.observation.tracing.DataSourceObservationListener;
import net.ttddyy.observation.tracing.JdbcObservationDocumentation;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Role;
import org.springframework.util.function.SingletonSupplier;

import com.foobar.infra.router.observation.ObservedDatabaseNodePoolFactory;

/**
 * Auto-configuration that makes every database node's pool observed ({@link ObservedDatabaseNodePoolFactory}),
 * when datasource-micrometer is on the class path and {@code foobar.datasource.observations.enabled} is true (the
 * default). The observations go to the application's {@link ObservationRegistry}, looked up when the first pool is
 * created: with tracing they become spans of the request's trace, with a meter registry {@code jdbc_*} timers.
 */
@AutoConfiguration(before = ReplicationRouterAutoConfiguration.class)
@ConditionalOnClass({ DataSourceObservationListener.class, ObservationRegistry.class })
@ConditionalOnBooleanProperty(name = "foobar.datasource.observations.enabled", matchIfMissing = true)
public final class ReplicationRouterObservationAutoConfiguration {

    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static BeanPostProcessor observedDatabaseNodePools(ObjectProvider<ObservationRegistry> registry) {
        return new BeanPostProcessor() {

            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof DatabaseNodePoolFactory pools
                        && !(bean instanceof ObservedDatabaseNodePoolFactory)) {
                    // The listener asks its supplier on every JDBC call: the bean lookup is made once, not each time.
                    DataSourceObservationListener listener = new DataSourceObservationListener(
                            SingletonSupplier.of(() -> registry.getIfAvailable(() -> ObservationRegistry.NOOP)));
                    // Connections and statements only: a result set's observation, with an event per row read, is
                    // work on every row of every page that no dashboard or alert reads (docs/monitoring.md).
                    listener.setSupportedTypes(Set.of(JdbcObservationDocumentation.CONNECTION,
                            JdbcObservationDocumentation.QUERY));
                    listener.setIncludeResultSetOperations(false);
                    return new ObservedDatabaseNodePoolFactory(pools, listener);
                }
                return bean;
            }

        };
    }

}
