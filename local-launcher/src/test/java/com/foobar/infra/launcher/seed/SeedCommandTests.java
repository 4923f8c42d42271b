package com.foobar.infra.launcher.seed;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.foobar.infra.launcher.LocalTopology;
import com.foobar.infra.launcher.TopologyException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SeedCommandTests {

    @TempDir
    Path root;

    private final PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

    @Test
    void shouldRefuseWhenNoTopologyRuns() {
        assertThatExceptionOfType(TopologyException.class).isThrownBy(() -> command().run(3, 10))
                .withMessage("Nothing to seed: the topology is not running (start it with ./foobar up).");
    }

    @Test
    void shouldGiveTheSeedRunTheDatabaseSettingsOfTheApplicationServers() throws Exception {
        writeState(1000);

        Map<String, String> environment = command().environment();

        assertThat(environment).containsEntry("FOOBAR_NODE_NAME", "seed")
                .containsEntry("FOOBAR_DATASOURCE_USERNAME", "foobar")
                .containsEntry("FOOBAR_DATASOURCE_PRIMARY_NAME", "db-primary")
                .containsEntry("FOOBAR_DATASOURCE_PRIMARY_URL",
                        "jdbc:mysql://127.0.0.1:14306/foobar?sslMode=DISABLED&connectTimeout=2000")
                .containsEntry("FOOBAR_DATASOURCE_REPLICAS_1_NAME", "db-replica-2")
                .containsKey("FOOBAR_DATASOURCE_PASSWORD");
    }

    @Test
    void shouldRunAppServiceWithoutAWebServerPassingOnlyTheCountsGiven() throws Exception {
        Path jar = this.root.resolve("app-service/target/app-service.jar");
        Files.createDirectories(jar.getParent());
        Files.createFile(jar);

        assertThat(command().command(null, 7)).contains("-jar", jar.toString(),
                "--spring.main.web-application-type=none", "--foobar.seed.posts=7")
                .noneMatch((word) -> word.startsWith("--foobar.seed.users"));
    }

    @Test
    void shouldSayHowToBuildAMissingJar() {
        assertThatExceptionOfType(TopologyException.class).isThrownBy(() -> command().command(1, 1))
                .withMessageEndingWith("app-service.jar is missing: build it with ./mvnw -DskipTests package");
    }

    private SeedCommand command() {
        Path home = this.root.resolve(".foobar");
        return new SeedCommand(this.root, home, new LocalTopology(this.root, home, this.out), this.out);
    }

    private void writeState(int portOffset) throws Exception {
        Path state = this.root.resolve(".foobar/run/topology.json");
        Files.createDirectories(state.getParent());
        Files.writeString(state, """
                {"servers": 3, "replicas": 2, "portOffset": %d, "url": "https://www.foobar.com:9443/", "nodes": []}
                """.formatted(portOffset));
    }
}
