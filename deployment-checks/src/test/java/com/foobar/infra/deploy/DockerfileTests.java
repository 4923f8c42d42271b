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
        assertThat(stages).containsExactly("FROM ${JDK_IMAGE} AS build", "FROM ${JRE_IMAGE} AS layers",
                "FROM ${JRE_IMAGE}");
        // Fully qualified, as buildah, unlike Docker, does not assume docker.io for a short name; one Java version.
        String jdk = this.lines.stream().filter((line) -> line.startsWith("ARG JDK_IMAGE=")).findFirst()
            .orElseThrow();
        assertThat(jdk).matches("ARG JDK_IMAGE=docker\\.io/library/eclipse-temurin:25\\.\\d+\\.\\d+_\\d+-jdk-noble");
        assertThat(this.lines).contains(jdk.replace("JDK", "JRE").replace("-jdk-", "-jre-"));
        assertThat(this.lines).anyMatch((line) -> line.contains("-Djarmode=tools")
                && line.contains("extract --layers --launcher"));
        assertThat(this.lines).contains("USER 10001:10001")
            .anyMatch((line) -> line.startsWith("HEALTHCHECK "))
            .contains("ENTRYPOINT [\"java\", \"org.springframework.boot.loader.launch.JarLauncher\"]");
    }

    @Test
    void shouldPackageTheTestJarsTheServicesBuildAgainst() {
        String maven = this.lines.stream().filter((line) -> line.contains("./mvnw ")).findFirst().orElseThrow();
        // maven.test.skip skips compiling the tests too, so load-balancing's test-jar would not exist.
        assertThat(maven).contains("-DskipTests").doesNotContain("maven.test.skip");
        assertThat(RepositoryFiles.read("gateway-service/pom.xml")).contains("<type>test-jar</type>");
    }

    @Test
    void shouldCopyTheJarEachServiceModuleBuilds() {
        assertThat(this.lines).contains("COPY --from=build /src/${SERVICE}/target/${SERVICE}.jar /tmp/app.jar");
        // So target/${SERVICE}.jar needs each module's jar to be named after its artifactId (= its folder).
        assertThat(RepositoryFiles.read("pom.xml")).contains("<finalName>${project.artifactId}</finalName>");
        for (String service : List.of("app-service", "web-service", "gateway-service")) {
            String pom = RepositoryFiles.read(service + "/pom.xml");
            assertThat(pom).as(service).doesNotContain("<finalName>")
                .contains("<artifactId>" + service + "</artifactId>");
            assertThat(this.lines).anyMatch((line) -> line.contains("-pl ") && line.contains(service));
        }
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
