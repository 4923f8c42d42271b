package com.foobar.infra.deploy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.convert.DurationStyle;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateways' configuration files for the containers ({@code deploy/gateway/<deployment>/gateway.yml}) load as
 * the gateway loads them, send to the web tier over HTTPS on its port, check each backend on the web tier's
 * management port and readiness path, and are what both gateways of compose and of Kubernetes read.
 */
class GatewayConfigFileTests {

    private static final String CONFIG_VARIABLE = "FOOBAR_GATEWAY_CONFIG";

    private final ComposeFile compose = new ComposeFile("docker-compose.yml");

    private final Map<String, String> web = RepositoryFiles.serviceEnvironment("web-service");

    @ParameterizedTest
    @CsvSource({ "compose", "kubernetes" })
    void shouldSendToTheWebTierOverHttpsAndCheckItsReadinessOnTheManagementPort(String deployment) throws Exception {
        Map<String, BackendGroupsFile.Group> groups = BackendGroupsFile.load(file(deployment));
        // The group the gateway's route sends to (lb://web-service in its application.yml).
        assertThat(RepositoryFiles.read("gateway-service/src/main/resources/application.yml"))
            .contains("uri: lb://web-service");
        assertThat(groups).containsOnlyKeys("web-service");
        assertThat(groups.get("web-service").backends()).isNotEmpty().allSatisfy((backend) -> {
            assertThat(backend.uri().getScheme()).as(backend.name()).isEqualTo("https");
            assertThat(backend.uri().getPort()).as(backend.name()).isEqualTo(port("FOOBAR_HTTP_PORT"));
            assertThat(backend.healthUri()).as(backend.name()).isNotNull();
            assertThat(backend.healthUri().getScheme()).as(backend.name()).isEqualTo("http");
            assertThat(backend.healthUri().getHost()).as(backend.name()).isEqualTo(backend.uri().getHost());
            assertThat(backend.healthUri().getPort()).as(backend.name()).isEqualTo(port("FOOBAR_MANAGEMENT_PORT"));
            assertThat(backend.healthUri().getPath()).as(backend.name()).isEqualTo(LauncherTopology.readinessPath());
        });
    }

    @ParameterizedTest
    @CsvSource({ "compose", "kubernetes" })
    void shouldDrainWebServersLongerThanTheGatewaysTakeToNotice(String deployment) throws Exception {
        BackendGroupsFile.Group group = BackendGroupsFile.load(file(deployment)).get("web-service");
        Duration drain = DurationStyle.detectAndParse(this.web.get("FOOBAR_SHUTDOWN_DRAIN"));
        assertThat(drain).isGreaterThan(group.checkInterval().multipliedBy(group.checkFall()));
    }

    @Test
    void shouldListEveryComposeWebContainerByItsName() throws Exception {
        Set<String> webContainers = new TreeSet<>();
        this.compose.serviceContainers().forEach((name, image) -> {
            if (image.equals("web-service")) {
                webContainers.add(name);
            }
        });
        List<BackendGroupsFile.Backend> backends = BackendGroupsFile.load(file("compose")).get("web-service")
            .backends();
        assertThat(backends).extracting(BackendGroupsFile.Backend::name)
            .containsExactlyInAnyOrderElementsOf(webContainers);
        assertThat(backends).allSatisfy((backend) -> assertThat(backend.uri().getHost()).isEqualTo(backend.name()));
    }

    @Test
    void shouldMountTheOneFileIntoBothComposeGateways() {
        String config = RepositoryFiles.serviceEnvironment("gateway-service").get(CONFIG_VARIABLE);
        Path folder = Path.of(config).getParent();
        Set<String> gateways = new TreeSet<>();
        this.compose.serviceContainers().forEach((name, image) -> {
            if (image.equals("gateway-service")) {
                gateways.add(name);
                assertThat(this.compose.environment(name)).as(name).containsEntry(CONFIG_VARIABLE, config);
                assertThat(this.compose.volumes(name)).as(name).anySatisfy((volume) -> {
                    assertThat(volume).containsEntry("type", "bind").containsEntry("target", folder.toString());
                    assertThat(Path.of(String.valueOf(volume.get("source"))).normalize())
                        .isEqualTo(Path.of(file("compose")).getParent());
                });
            }
        });
        assertThat(gateways).containsExactly("gateway-1", "gateway-2");
    }

    @Test
    void shouldGiveTheKubernetesGatewaysTheFileAndOneBackendPerWebService() throws Exception {
        List<BackendGroupsFile.Backend> backends = BackendGroupsFile.load(file("kubernetes"))
            .get("web-service")
            .backends();
        assertThat(backends).hasSize(1);
        BackendGroupsFile.Backend backend = backends.getFirst();
        String config = RepositoryFiles.serviceEnvironment("gateway-service").get(CONFIG_VARIABLE);
        Path path = Path.of(config);
        for (String overlay : RenderedOverlay.names()) {
            RenderedOverlay rendered = RenderedOverlay.render(overlay);
            assertThat(rendered.one(Service.class, backend.uri().getHost()).getSpec().getPorts())
                .extracting(ServicePort::getPort)
                .contains(backend.uri().getPort(), backend.healthUri().getPort());
            PodSpec pod = rendered.one(Deployment.class, "gateway-service").getSpec().getTemplate().getSpec();
            Container container = pod.getContainers().getFirst();
            VolumeMount mount = container.getVolumeMounts().stream()
                .filter((m) -> m.getMountPath().equals(path.getParent().toString()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("nothing mounted at " + path.getParent() + " in " + overlay));
            Volume volume = pod.getVolumes().stream().filter((v) -> v.getName().equals(mount.getName())).findFirst()
                .orElseThrow();
            ConfigMap map = rendered.one(ConfigMap.class, volume.getConfigMap().getName());
            assertThat(map.getData()).as(overlay).containsExactly(
                    Map.entry(path.getFileName().toString(), RepositoryFiles.read(file("kubernetes"))));
        }
    }

    private static String file(String deployment) {
        return "deploy/gateway/" + deployment + "/gateway.yml";
    }

    private int port(String variable) {
        return Integer.parseInt(this.web.get(variable));
    }

}
