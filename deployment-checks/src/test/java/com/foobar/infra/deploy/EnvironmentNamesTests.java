package com.foobar.infra.deploy;

import java.util.Set;
import java.util.TreeSet;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every variable the container deployments give a service is one the service reads: a placeholder or key of its
 * {@code application.yml}, a property of its {@code @ConfigurationProperties} records, or a Spring Boot property.
 * A misspelt or renamed variable would otherwise be ignored without a word.
 */
class EnvironmentNamesTests {

    /** Read by the JVM, not by Spring: the Deployments size each role's memory with it. */
    private static final String JVM_OPTIONS = "JAVA_TOOL_OPTIONS";

    @ParameterizedTest
    @CsvSource({ "gateway-service", "web-service", "app-service" })
    void shouldSetOnlyVariablesTheServiceBinds(String service) throws Exception {
        Set<String> variables = new TreeSet<>(RepositoryFiles.serviceEnvironment(service).keySet());
        ComposeFile compose = new ComposeFile("docker-compose.yml");
        compose.serviceContainers().forEach((name, image) -> {
            if (image.equals(service)) {
                variables.addAll(compose.environment(name).keySet());
            }
        });
        for (String overlay : RenderedOverlay.names()) {
            Container container = RenderedOverlay.render(overlay).one(Deployment.class, service).getSpec()
                .getTemplate().getSpec().getContainers().get(0);
            container.getEnv().stream().map(EnvVar::getName).filter((name) -> !name.equals(JVM_OPTIONS))
                .forEach(variables::add);
        }
        ServiceConfiguration configuration = ServiceConfiguration.of(service);
        assertThat(variables).as(service).isNotEmpty().allSatisfy((variable) ->
                assertThat(configuration.binds(variable)).as("%s binds %s", service, variable).isTrue());
    }

    @ParameterizedTest
    @CsvSource({ "app-service, FOOBAR_DATASOURCE_REPLICAS_X_URL", "app-service, FOOBAR_DATASOURCE_PRIMARY_ADDRESS",
            "app-service, FOOBAR_HTTP_PROT", "web-service, FOOBAR_SHUTDOWN_DRAINS",
            // Retired when the gateway's backends moved to its configuration file (FOOBAR_GATEWAY_CONFIG), and when
            // the groups moved to the load-balancing library's prefix.
            "gateway-service, FOOBAR_GATEWAY_BACKENDS_0_URI",
            "gateway-service, FOOBAR_GATEWAY_GROUPS_WEBSERVICE_BACKENDS_7_URI",
            "gateway-service, FOOBAR_GATEWAY_CONFIG_FILE" })
    void shouldRejectVariablesNoPropertyReads(String service, String misspelt) throws Exception {
        assertThat(ServiceConfiguration.of(service).binds(misspelt)).isFalse();
    }

    @ParameterizedTest
    @CsvSource({ "gateway-service, FOOBAR_GATEWAY_PUBLIC_HTTPS_PORT", "gateway-service, FOOBAR_GATEWAY_PUBLICHTTPSPORT",
            "gateway-service, FOOBAR_BALANCING_GROUPS_WEBSERVICE_BACKENDS_7_URI",
            "gateway-service, FOOBAR_BALANCING_CONFIG_FILE", "gateway-service, FOOBAR_TOPOLOGY_HEADERS",
            "gateway-service, SPRING_CONFIG_IMPORT",
            // A library's record (internal-tls) and a property the code reads with @Value (DrainBeforeShutdown).
            "web-service, FOOBAR_INTERNAL_TLS_CALLER_CA", "web-service, FOOBAR_SHUTDOWN_DRAIN" })
    void shouldAcceptTheSpellingsRelaxedBindingAccepts(String service, String variable) throws Exception {
        assertThat(ServiceConfiguration.of(service).binds(variable)).isTrue();
    }

}
