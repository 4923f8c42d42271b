package com.foobar.infra.deploy;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The local launcher, {@code deploy/env}, {@code docker-compose.yml} and the Kubernetes manifests agree on ports,
 * node names, variables and health paths: the seeds' "configuration drift", caught before it ships.
 *
 * <p>A tier's containers use the ports of its first local node ({@code web-1}: 8101, management 8151), set once in
 * {@code deploy/env/<service>.env}; compose reads that file, Kubernetes a ConfigMap generated from it.
 */
class SourceOfTruthTests {

    private final ComposeFile compose = new ComposeFile("docker-compose.yml");

    @ParameterizedTest
    @CsvSource({ "gateway-service, gateway-1", "web-service, web-1", "app-service, app-1" })
    void shouldListenOnThePortsOfTheTiersFirstLocalNode(String service, String firstNode) {
        Map<String, String> containers = RepositoryFiles.serviceEnvironment(service);
        LauncherTopology.environment(firstNode).forEach((variable, value) -> {
            if (variable.endsWith("_PORT")) {
                assertThat(containers).as(service).containsEntry(variable, value);
            }
        });
    }

    @ParameterizedTest
    @CsvSource({ "gateway-service, gateway-1", "web-service, web-1", "app-service, app-1" })
    void shouldSetEveryVariableTheLauncherSets(String service, String firstNode) throws Exception {
        Set<String> launcher = shapes(LauncherTopology.environment(firstNode).keySet());
        // The password is a file in containers (foobar.datasource.password, a config tree), never a variable.
        launcher.remove("FOOBAR_DATASOURCE_PASSWORD");
        // The infrastructure view (/infra) draws the local topology only; in containers it stays off (no node list).
        launcher.removeIf((name) -> name.startsWith("FOOBAR_INFRA_NODES_"));
        this.compose.serviceContainers().forEach((name, image) -> {
            if (image.equals(service)) {
                assertThat(shapes(this.compose.environment(name).keySet())).as(name).containsAll(launcher);
                assertThat(this.compose.environment(name)).as(name).containsEntry("FOOBAR_NODE_NAME", name);
            }
        });
        // In Kubernetes the application tier is one Service (FOOBAR_APP_URL), not a file of servers to prefer from.
        launcher.removeAll(Set.of("FOOBAR_WEB_CONFIG", "FOOBAR_PREFERRED_APP"));
        for (String overlay : RenderedOverlay.names()) {
            Set<String> variables = RenderedOverlay.render(overlay).environment(service).keySet();
            assertThat(shapes(variables)).as("%s in %s", service, overlay).containsAll(launcher);
        }
    }

    @ParameterizedTest
    @CsvSource({ "gateway-service", "web-service", "app-service" })
    void shouldCheckHealthOnTheLaunchersPathAndPort(String service) throws Exception {
        String readiness = LauncherTopology.readinessPath();
        String liveness = readiness.replace("readiness", "liveness");
        String managementPort = RepositoryFiles.serviceEnvironment(service).get("FOOBAR_MANAGEMENT_PORT");
        assertThat(RepositoryFiles.read("docker/Dockerfile"))
            .contains("http://127.0.0.1:${FOOBAR_MANAGEMENT_PORT}" + readiness);
        this.compose.serviceContainers().forEach((name, image) -> assertThat(
                String.valueOf(this.compose.service(name).get("healthcheck")))
            .contains("http://127.0.0.1:$${FOOBAR_MANAGEMENT_PORT}" + readiness));
        for (String overlay : RenderedOverlay.names()) {
            Container container = container(RenderedOverlay.render(overlay), service);
            assertThat(container.getPorts()).extracting(ContainerPort::getName, ContainerPort::getContainerPort)
                .contains(tuple("management", Integer.valueOf(managementPort)));
            assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo(readiness);
            assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo(liveness);
            assertThat(container.getStartupProbe().getHttpGet().getPath()).isEqualTo(liveness);
            assertThat(container.getReadinessProbe().getHttpGet().getPort().getStrVal()).isEqualTo("management");
        }
    }

    @ParameterizedTest
    @CsvSource({ "web-service, FOOBAR_HTTP_PORT", "app-service, FOOBAR_HTTP_PORT",
            "gateway-service, FOOBAR_HTTPS_PORT" })
    void shouldExposeEachTierOnItsContainerPortEverywhere(String service, String portVariable) throws Exception {
        int port = Integer.parseInt(RepositoryFiles.serviceEnvironment(service).get(portVariable));
        for (String overlay : RenderedOverlay.names()) {
            RenderedOverlay rendered = RenderedOverlay.render(overlay);
            String portName = portVariable.equals("FOOBAR_HTTPS_PORT") ? "https" : "http";
            assertThat(container(rendered, service).getPorts()).filteredOn((p) -> p.getName().equals(portName))
                .extracting(ContainerPort::getContainerPort)
                .containsExactly(port);
            if (!service.equals("gateway-service")) {
                assertThat(rendered.one(Service.class, service).getSpec().getPorts())
                    .filteredOn((p) -> p.getName().equals("http"))
                    .extracting(ServicePort::getPort)
                    .containsExactly(port);
            }
        }
    }

    /**
     * The gateways' upstreams are in their configuration file ({@code GatewayConfigFileTests}), and so are the compose
     * web servers' ({@code WebConfigFileTests}); in Kubernetes the application tier is one Service.
     */
    @Test
    void shouldBelieveForwardedHeadersFromTheSameContainerNetworksInTheWebAndApplicationTiers() {
        // Two services' names for one value (Spring Cloud Gateway's side and Tomcat's): they must not drift apart.
        assertThat(RepositoryFiles.serviceEnvironment("web-service").get("FOOBAR_TRUSTED_PROXIES")).isNotBlank()
            .isEqualTo(RepositoryFiles.serviceEnvironment("app-service").get("FOOBAR_INTERNAL_PROXIES"));
    }

    @Test
    void shouldForwardFromTheKubernetesWebServersToTheApplicationServiceOverHttps() throws Exception {
        String port = ":" + RepositoryFiles.serviceEnvironment("app-service").get("FOOBAR_HTTP_PORT");
        for (String overlay : RenderedOverlay.names()) {
            assertThat(RenderedOverlay.render(overlay).environment("web-service").get("FOOBAR_APP_URL")).as(overlay)
                .isEqualTo("https://app-service" + port);
        }
    }

    @ParameterizedTest
    @CsvSource({ "db-primary", "db-replica-1", "db-replica-2" })
    void shouldReachEachDatabaseNodeByItsTopologyName(String node) throws Exception {
        assertThat(LauncherTopology.nodes()).extracting(LauncherTopology.PlannedNode::name).contains(node);
        assertThat(this.compose.services()).containsKey(node);
        assertThat(RepositoryFiles.serviceEnvironment("app-service"))
            .containsValue(node)
            .containsValue("jdbc:mysql://" + node + ":3306/foobar?sslMode=REQUIRED");
        for (String overlay : RenderedOverlay.names()) {
            assertThat(RenderedOverlay.render(overlay).one(Service.class, node).getSpec().getPorts())
                .extracting(ServicePort::getPort)
                .containsExactly(3306);
        }
    }

    @ParameterizedTest
    @CsvSource({ "gateway", "web", "app", "db-primary", "db-replica" })
    void shouldNameComposeContainersAfterTheLocalNodes(String role) {
        Set<String> local = LauncherTopology.nodes().stream()
            .filter((node) -> node.role().equals(role))
            .map(LauncherTopology.PlannedNode::name)
            .collect(Collectors.toCollection(TreeSet::new));
        String numbered = Pattern.quote(local.iterator().next().replaceAll("\\d+$", "")) + "\\d*";
        Set<String> containers = new TreeSet<>(this.compose.services().keySet());
        containers.removeIf((name) -> !name.matches(numbered));
        if (role.equals("gateway")) {
            // The local topology may run one gateway; the container deployments always run the pair.
            assertThat(containers).containsAll(local).containsExactly("gateway-1", "gateway-2");
        }
        else {
            assertThat(containers).isEqualTo(local);
        }
    }

    private static Container container(RenderedOverlay rendered, String service) {
        return rendered.one(Deployment.class, service).getSpec().getTemplate().getSpec().getContainers().get(0);
    }

    /** Variable names with list indexes replaced, so that three backends and one compare by kind. */
    private static Set<String> shapes(Set<String> names) {
        return names.stream()
            .map((name) -> name.replaceAll("_\\d+_", "_N_"))
            .collect(Collectors.toCollection(TreeSet::new));
    }

}
