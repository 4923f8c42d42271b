package com.foobar.infra.deploy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.fabric8.certmanager.api.model.v1.Certificate;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Every overlay under {@code k8s/overlays}, rendered by {@code kubectl kustomize} and parsed strictly: the invariants
 * of docs/deploy.md hold for each.
 */
class KubernetesManifestsTests {

    static List<String> overlays() throws Exception {
        return RenderedOverlay.names();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void shouldRenderObjectsOfTheKubernetesApiModelIntoOneNamespace(String overlay) throws Exception {
        RenderedOverlay rendered = RenderedOverlay.render(overlay);
        assertThat(rendered.all(Namespace.class)).extracting((namespace) -> namespace.getMetadata().getName())
            .containsExactly("foobar");
        rendered.objects().stream().filter((object) -> !(object instanceof Namespace)).forEach((object) ->
                assertThat(object.getMetadata().getNamespace()).as(name(object)).isEqualTo("foobar"));
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void shouldDenyAllTrafficAndGiveEveryPodAPolicyOfItsOwn(String overlay) throws Exception {
        RenderedOverlay rendered = RenderedOverlay.render(overlay);
        List<NetworkPolicy> policies = rendered.all(NetworkPolicy.class);
        assertThat(policies).anySatisfy((policy) -> {
            assertThat(policy.getSpec().getPodSelector().getMatchLabels()).isNullOrEmpty();
            assertThat(policy.getSpec().getPodSelector().getMatchExpressions()).isNullOrEmpty();
            assertThat(policy.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
            assertThat(policy.getSpec().getIngress()).isNullOrEmpty();
        });
        for (RenderedOverlay.Workload workload : rendered.workloads()) {
            Map<String, String> labels = workload.template().getMetadata().getLabels();
            assertThat(policies).as(workload.name()).anySatisfy((policy) -> {
                Map<String, String> selector = policy.getSpec().getPodSelector().getMatchLabels();
                assertThat(selector).isNotEmpty();
                assertThat(labels).containsAllEntriesOf(selector);
            });
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void shouldGiveEveryContainerProbesResourcesAndANonRootSecurityContext(String overlay) throws Exception {
        for (RenderedOverlay.Workload workload : RenderedOverlay.render(overlay).workloads()) {
            PodSpec pod = workload.template().getSpec();
            assertThat(pod.getSecurityContext().getRunAsNonRoot()).as(workload.name()).isTrue();
            assertThat(pod.getSecurityContext().getRunAsUser()).as(workload.name()).isPositive();
            assertThat(pod.getSecurityContext().getSeccompProfile().getType()).as(workload.name())
                .isEqualTo("RuntimeDefault");
            assertThat(pod.getAutomountServiceAccountToken()).as(workload.name()).isFalse();
            for (Container container : pod.getContainers()) {
                String name = workload.name() + "/" + container.getName();
                assertThat(Stream.of(container.getStartupProbe(), container.getReadinessProbe(),
                        container.getLivenessProbe())).as(name).doesNotContainNull();
                assertThat(container.getResources().getRequests()).as(name).containsKeys("cpu", "memory");
                assertThat(container.getResources().getLimits()).as(name).containsKeys("cpu", "memory");
                assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).as(name).isFalse();
                assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).as(name).isTrue();
                assertThat(container.getSecurityContext().getCapabilities().getDrop()).as(name).containsExactly("ALL");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void shouldGiveEveryServiceTimeToDrainAndShutDownGracefullyBeforeTheKubeletKillsIt(String overlay)
            throws Exception {
        RenderedOverlay rendered = RenderedOverlay.render(overlay);
        for (String service : List.of("gateway-service", "web-service", "app-service")) {
            Long grace = rendered.one(Deployment.class, service).getSpec().getTemplate().getSpec()
                .getTerminationGracePeriodSeconds();
            assertThat(Duration.ofSeconds((grace != null) ? grace : 30)).as(service)
                .isGreaterThan(ServiceConfiguration.shutdownTime(service, rendered.environment(service)));
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void shouldPinEveryImage(String overlay) throws Exception {
        for (RenderedOverlay.Workload workload : RenderedOverlay.render(overlay).workloads()) {
            for (Container container : workload.template().getSpec().getContainers()) {
                if (container.getImage().startsWith("foobar/")) {
                    assertThat(container.getImage()).endsWith(":" + ProjectVersion.get());
                }
                else {
                    assertThat(container.getImage()).matches("[a-z/]+:\\d+\\.\\d+\\.\\d+@sha256:[0-9a-f]{64}");
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void shouldRunTheDocumentedReplicasWithBudgetsAndAutoscalers(String overlay) throws Exception {
        RenderedOverlay rendered = RenderedOverlay.render(overlay);
        assertThat(rendered.workloads()).extracting(RenderedOverlay.Workload::name, RenderedOverlay.Workload::replicas)
            .containsExactlyInAnyOrder(tuple("gateway-service", 2), tuple("web-service", 3), tuple("app-service", 3),
                    tuple("mysql", 3));
        for (RenderedOverlay.Workload workload : rendered.workloads()) {
            PodDisruptionBudget budget = rendered.one(PodDisruptionBudget.class, workload.name());
            assertThat(budget.getSpec().getSelector().getMatchLabels()).isEqualTo(Map.of("app", workload.name()));
        }
        for (HorizontalPodAutoscaler autoscaler : rendered.all(HorizontalPodAutoscaler.class)) {
            Deployment target = rendered.one(Deployment.class, autoscaler.getSpec().getScaleTargetRef().getName());
            assertThat(autoscaler.getSpec().getMinReplicas()).isEqualTo(target.getSpec().getReplicas());
        }
        assertThat(rendered.all(HorizontalPodAutoscaler.class)).extracting((hpa) -> hpa.getMetadata().getName())
            .containsExactlyInAnyOrder("web-service", "app-service");
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void shouldReachTheGatewayPairOn443And80ThroughALoadBalancer(String overlay) throws Exception {
        Service gateway = RenderedOverlay.render(overlay).one(Service.class, "gateway-service");
        assertThat(gateway.getSpec().getType()).isEqualTo("LoadBalancer");
        assertThat(gateway.getSpec().getPorts())
            .extracting(ServicePort::getPort, (port) -> port.getTargetPort().getStrVal())
            .containsExactlyInAnyOrder(tuple(443, "https"), tuple(80, "http"));
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void shouldShowTheTopologyHeadersOnlyOutsideProduction(String overlay) throws Exception {
        ConfigMap common = RenderedOverlay.render(overlay).all(ConfigMap.class).stream()
            .filter((map) -> map.getMetadata().getName().startsWith("foobar-common-"))
            .findFirst()
            .orElseThrow();
        assertThat(common.getData()).containsEntry("FOOBAR_TOPOLOGY_HEADERS",
                String.valueOf(!overlay.equals("production")));
    }

    @Test
    void shouldTakeTheProductionCertificateScrapesAndAlertsFromTheOperators() throws Exception {
        RenderedOverlay production = RenderedOverlay.render("production");
        String tlsSecret = production.one(Deployment.class, "gateway-service").getSpec().getTemplate().getSpec()
            .getVolumes().stream().filter((volume) -> volume.getName().equals("tls")).findFirst().orElseThrow()
            .getSecret().getSecretName();
        assertThat(production.one(Certificate.class, "www-foobar-com").getSpec().getSecretName()).isEqualTo(tlsSecret);
        Map<String, String> scraped = production.one(ServiceMonitor.class, "foobar-services").getSpec().getSelector()
            .getMatchLabels();
        assertThat(production.all(Service.class)).filteredOn((service) -> service.getSpec().getPorts().stream()
                .anyMatch((port) -> port.getName().equals("management")))
            .extracting((service) -> service.getMetadata().getName())
            .containsExactlyInAnyOrder("gateway-service-management", "web-service", "app-service")
            .allSatisfy((name) -> assertThat(production.one(Service.class, name).getMetadata().getLabels())
                .containsAllEntriesOf(scraped));
        // The alerts use db_node, the router's node tag renamed as monitoring/prometheus/prometheus.yml renames it.
        assertThat(production.one(ServiceMonitor.class, "foobar-services").getSpec().getEndpoints().getFirst()
            .getMetricRelabelings())
            .anySatisfy((relabel) -> {
                assertThat(relabel.getSourceLabels()).containsExactly("exported_node");
                assertThat(relabel.getTargetLabel()).isEqualTo("db_node");
            });
        assertThat(production.all(PrometheusRule.class)).hasSize(1);
        Map<String, Object> rules = RepositoryFiles.yaml("k8s/overlays/production/prometheus-rules.yaml");
        assertThat(rules.get("spec")).isEqualTo(RepositoryFiles.yaml("monitoring/prometheus/alerts.yml"));
    }

    private static String name(HasMetadata object) {
        return object.getKind() + "/" + object.getMetadata().getName();
    }

}
