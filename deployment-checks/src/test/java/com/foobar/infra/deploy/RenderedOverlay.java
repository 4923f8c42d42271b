package com.foobar.infra.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;

/**
 * A Kustomize overlay as {@code kubectl kustomize} renders it, parsed strictly into the Kubernetes API model.
 *
 * <p>{@code kubectl} comes from a package ({@code .ci/run} installs it); where it is missing the checks that need a
 * rendering are skipped with that reason, and fail in CI.
 */
record RenderedOverlay(String name, String yaml, List<HasMetadata> objects) {

    private static final Map<String, RenderedOverlay> RENDERED = new HashMap<>();

    static List<String> names() throws IOException {
        try (Stream<Path> overlays = Files.list(RepositoryFiles.path("k8s/overlays"))) {
            return overlays.map((overlay) -> overlay.getFileName().toString()).sorted().toList();
        }
    }

    /** The rendering of {@code k8s/overlays/<name>}, made once per test run. */
    static synchronized RenderedOverlay render(String name) throws Exception {
        RenderedOverlay rendered = RENDERED.get(name);
        if (rendered == null) {
            rendered = renderNow(name);
            RENDERED.put(name, rendered);
        }
        return rendered;
    }

    private static RenderedOverlay renderNow(String name) throws Exception {
        Path kubectl = Commands.require("kubectl", "apt-get install kubectl");
        // Debian's kubernetes-client 1.20 embeds kustomize 2, which predates components and labels.
        if (!Commands.run(kubectl.toString(), "version", "--client")
            .matches("(?s).*Kustomize Version: v([4-9]|\\d\\d)\\..*")) {
            Commands.skipOutsideCi("kubectl 1.24 or later (kustomize 4+) is needed");
        }
        String overlay = RepositoryFiles.path("k8s/overlays/" + name).toString();
        String yaml = Commands.run(kubectl.toString(), "kustomize", overlay);
        return new RenderedOverlay(name, yaml, StrictKubernetesParser.parseAll(yaml));
    }

    <T extends HasMetadata> List<T> all(Class<T> kind) {
        return this.objects.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    <T extends HasMetadata> T one(Class<T> kind, String name) {
        return all(kind).stream()
            .filter((object) -> object.getMetadata().getName().equals(name))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no " + kind.getSimpleName() + " " + name + " in " + this.name));
    }

    /** The variables of a Deployment's container: its ConfigMaps ({@code envFrom}), then its own {@code env}. */
    Map<String, String> environment(String deployment) {
        Container container = one(Deployment.class, deployment).getSpec().getTemplate().getSpec().getContainers()
            .getFirst();
        Map<String, String> variables = new HashMap<>();
        for (EnvFromSource source : container.getEnvFrom()) {
            variables.putAll(one(ConfigMap.class, source.getConfigMapRef().getName()).getData());
        }
        container.getEnv().forEach((variable) -> variables.put(variable.getName(), variable.getValue()));
        return variables;
    }

    /** Every pod template, by the name of the workload that owns it. */
    List<Workload> workloads() {
        Stream<Workload> deployments = all(Deployment.class).stream()
            .map((d) -> new Workload(d.getMetadata().getName(), d.getSpec().getReplicas(), d.getSpec().getTemplate()));
        Stream<Workload> statefulSets = all(StatefulSet.class).stream()
            .map((s) -> new Workload(s.getMetadata().getName(), s.getSpec().getReplicas(), s.getSpec().getTemplate()));
        return Stream.concat(deployments, statefulSets).toList();
    }

    /** A Deployment or StatefulSet. */
    record Workload(String name, int replicas, PodTemplateSpec template) {
    }

}
