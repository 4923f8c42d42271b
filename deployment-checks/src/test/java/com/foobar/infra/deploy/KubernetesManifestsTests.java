package com.foobar.infra.deploy;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.fabric8.certmanager.api.model.v1.Certificate;
import io.fabric8.certmanager.api.model.v1.Issuer;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
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

    /** What a Spring Boot JVM needs beyond heap and direct memory: metaspace, code cache, thread stacks, GC. */
    private static final long JVM_RUNTIME_MEMORY = 256L << 20;

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
                if (container.getImage().contains("foobar/")) {
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

    @ParameterizedTest
    @MethodSource("overlays")
    void shouldKeepMySqlsDataInAFolderOfItsVolume(String overlay) throws Exception {
        StatefulSet mysql = RenderedOverlay.render(overlay).one(StatefulSet.class, "mysql");
        List<String> claims = mysql.getSpec().getVolumeClaimTemplates().stream()
            .map((claim) -> claim.getMetadata().getName()).toList();
        // A fresh disk's root is not empty (ext4's lost+found), and MySQL will not initialize a directory that is not.
        assertThat(mysql.getSpec().getTemplate().getSpec().getContainers().getFirst().getVolumeMounts())
            .filteredOn((mount) -> claims.contains(mount.getName()))
            .isNotEmpty()
            .allSatisfy((mount) -> assertThat(mount.getSubPath()).as(mount.getMountPath()).isNotBlank());
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void shouldRecreateAnyMySqlMemberAndNeverLetADrainEvictThePrimary(String overlay) throws Exception {
        RenderedOverlay rendered = RenderedOverlay.render(overlay);
        StatefulSet mysql = rendered.one(StatefulSet.class, "mysql");
        // OrderedReady would not recreate a replica while mysql-0 is not Ready.
        assertThat(mysql.getSpec().getPodManagementPolicy()).isEqualTo("Parallel");
        for (int ordinal = 0; ordinal < mysql.getSpec().getReplicas(); ordinal++) {
            Map<String, String> labels = new HashMap<>(mysql.getSpec().getTemplate().getMetadata().getLabels());
            labels.put("statefulset.kubernetes.io/pod-name", "mysql-" + ordinal);
            List<PodDisruptionBudget> budgets = rendered.all(PodDisruptionBudget.class).stream()
                .filter((budget) -> selects(budget.getSpec().getSelector(), labels))
                .toList();
            // The eviction API refuses a pod that two budgets select.
            assertThat(budgets).as("budgets of mysql-" + ordinal).hasSize(1);
            if (ordinal == 0) {
                assertThat(budgets.getFirst().getSpec().getMaxUnavailable().getIntVal()).as("the primary's")
                    .isZero();
            }
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void shouldFitEachServicesHeapDirectMemoryAndRuntimeInItsLimit(String overlay) throws Exception {
        RenderedOverlay rendered = RenderedOverlay.render(overlay);
        for (String service : List.of("gateway-service", "web-service", "app-service")) {
            Container container = rendered.one(Deployment.class, service).getSpec().getTemplate().getSpec()
                .getContainers().getFirst();
            BigDecimal limit = Quantity.getAmountInBytes(container.getResources().getLimits().get("memory"));
            String options = container.getEnv().stream().filter((env) -> env.getName().equals("JAVA_TOOL_OPTIONS"))
                .findFirst().orElseThrow(() -> new AssertionError(service + " sizes no JVM memory")).getValue();
            assertThat(options).as(service).contains("-XX:+ExitOnOutOfMemoryError");
            Matcher heap = Pattern.compile("-XX:MaxRAMPercentage=(\\d+)").matcher(options);
            // Unset, Netty may take as much direct memory again as the heap.
            Matcher direct = Pattern.compile("-XX:MaxDirectMemorySize=(\\d+)m").matcher(options);
            assertThat(heap.find() && direct.find()).as(service + ": " + options).isTrue();
            BigDecimal used = limit.multiply(new BigDecimal(heap.group(1))).divide(BigDecimal.valueOf(100))
                .add(BigDecimal.valueOf(Long.parseLong(direct.group(1)) << 20))
                .add(BigDecimal.valueOf(JVM_RUNTIME_MEMORY));
            assertThat(used).as("%s: heap + direct + %d MiB of metaspace, code and stacks", service,
                    JVM_RUNTIME_MEMORY >> 20).isLessThanOrEqualTo(limit);
        }
    }

    @Test
    void shouldPullTheProjectsImagesInProductionFromTheRegistryBuildImagesPushesTo() throws Exception {
        RenderedOverlay production = RenderedOverlay.render("production");
        for (String service : List.of("gateway-service", "web-service", "app-service")) {
            String image = production.one(Deployment.class, service).getSpec().getTemplate().getSpec()
                .getContainers().getFirst().getImage();
            // A registry host first (a dot or a port), or the kubelet would ask Docker Hub for foobar/...
            assertThat(image).as(service)
                .matches("[a-z0-9-]+(\\.[a-z0-9-]+)*(\\.[a-z]+|:\\d+)(/[a-z0-9-]+)*/foobar/" + service + ":"
                        + Pattern.quote(ProjectVersion.get()));
        }
        assertThat(RepositoryFiles.read("docker/build-images")).contains("\"$REGISTRY/foobar/$service:$VERSION\"");
    }

    @Test
    void shouldGetThePublicCertificateByADnsChallenge() throws Exception {
        RenderedOverlay production = RenderedOverlay.render("production");
        Certificate certificate = production.one(Certificate.class, "www-foobar-com");
        assertThat(certificate.getSpec().getIssuerRef().getKind()).isEqualTo("Issuer");
        Issuer issuer = production.one(Issuer.class, certificate.getSpec().getIssuerRef().getName());
        // HTTP-01 cannot pass: no Ingress, port 80 is the gateways' redirect, and deny-all blocks a solver pod.
        assertThat(issuer.getSpec().getAcme().getSolvers()).isNotEmpty().allSatisfy((solver) -> {
            assertThat(solver.getHttp01()).isNull();
            assertThat(solver.getDns01()).isNotNull();
        });
        assertThat(issuer.getSpec().getAcme().getSolvers()).flatMap((solver) -> solver.getSelector().getDnsNames())
            .containsAll(certificate.getSpec().getDnsNames());
    }

    @Test
    void shouldLabelScrapesAndRulesForKubePrometheusStacksSelectors() throws Exception {
        RenderedOverlay production = RenderedOverlay.render("production");
        Stream.concat(production.all(ServiceMonitor.class).stream(), production.all(PrometheusRule.class).stream())
            .forEach((object) -> assertThat(object.getMetadata().getLabels()).as(name(object))
                .containsEntry("release", "kube-prometheus-stack"));
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

    /** Whether a label selector selects a pod with these labels, as the API server decides it. */
    private static boolean selects(LabelSelector selector, Map<String, String> labels) {
        Map<String, String> required = (selector.getMatchLabels() != null) ? selector.getMatchLabels() : Map.of();
        return labels.entrySet().containsAll(required.entrySet())
                && selector.getMatchExpressions().stream().allMatch((expression) -> {
                    String value = labels.get(expression.getKey());
                    return switch (expression.getOperator()) {
                        case "In" -> expression.getValues().contains(value);
                        case "NotIn" -> !expression.getValues().contains(value);
                        case "Exists" -> value != null;
                        case "DoesNotExist" -> value == null;
                        default -> throw new IllegalArgumentException(expression.getOperator());
                    };
                });
    }

    private static String name(HasMetadata object) {
        return object.getKind() + "/" + object.getMetadata().getName();
    }

}
