package com.foobar.infra.deploy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code docker/Dockerfile}: one multi-stage build for every service, layered, non-root, on a pinned Java 25 JRE. */
class DockerfileTests {

    private final List<String> lines = RepositoryFiles.read("docker/Dockerfile").lines().toList();

    @Test
    void shouldRunLayeredJarsAsAnUnprivilegedUserOnAPinnedJava25Jre() {
        List<String> stages = this.lines.stream().filter((line) -> line.startsWith("FROM ")).toList();
        assertThat(stages).hasSize(3).allMatch((stage) -> stage
            .matches("FROM eclipse-temurin:25\\.\\d+\\.\\d+_\\d+-(jdk|jre)-noble( AS \\w+)?"));
        assertThat(stages.getLast()).contains("-jre-");
        assertThat(this.lines).anyMatch((line) -> line.contains("-Djarmode=tools")
                && line.contains("extract --layers --launcher"));
        assertThat(this.lines).contains("USER 10001:10001")
            .anyMatch((line) -> line.startsWith("HEALTHCHECK "))
            .contains("ENTRYPOINT [\"java\", \"org.springframework.boot.loader.launch.JarLauncher\"]");
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldBuildEveryServiceImageFromTheOneDockerfileUnderItsModuleName() {
        ComposeFile compose = new ComposeFile("docker-compose.yml");
        compose.services().forEach((name, service) -> {
            if (service.containsKey("build")) {
                Map<String, Object> build = (Map<String, Object>) service.get("build");
                String module = String.valueOf(((Map<String, Object>) build.get("args")).get("SERVICE"));
                assertThat(build).containsEntry("context", ".").containsEntry("dockerfile", "docker/Dockerfile");
                assertThat(service.get("image")).as(name).isEqualTo("foobar/" + module + ":" + ProjectVersion.get());
                assertThat(RepositoryFiles.read(module + "/src/main/resources/application.yml"))
                    .as("one name everywhere: module = application name = image")
                    .contains("name: " + module);
            }
        });
    }

}
