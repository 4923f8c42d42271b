package com.foobar.infra.deploy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The images {@code docker/build-images} built, run with {@code buildah run}: each service's entrypoint starts Spring
 * Boot on Java 25 as the image's unprivileged user.
 *
 * <p>With {@code FOOBAR_BUILD_IMAGES=true} in the environment (as {@code .ci/run} sets it) the images are built
 * first. Without buildah, or without the images, the checks are skipped, and fail in CI. Spring Boot's start-up line
 * is the proof that the image's Java, jar layers, launcher and user fit together; what comes after it needs the
 * mounts and databases of a real deployment, so the check stops the container there. The container gets
 * {@code deploy/env}'s variables (its databases and peers are host names that do not resolve here), except that
 * {@code buildah run} cannot give a chroot-isolated container a network of its own: so it listens on loopback, on
 * free ports (0), and nothing clashes with a topology running on this machine.
 */
class ServiceImagesTests {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);

    private static Path buildah;

    @BeforeAll
    static void buildWhenAsked() throws Exception {
        buildah = Commands.require("buildah", "apt-get install buildah");
        if (Boolean.parseBoolean(System.getenv("FOOBAR_BUILD_IMAGES"))) {
            Process build = new ProcessBuilder(RepositoryFiles.path("docker/build-images").toString())
                .directory(RepositoryFiles.ROOT.toFile())
                .redirectErrorStream(true)
                .start();
            // Through System.out, which surefire owns: a child writing to the fork's own stdout corrupts its channel.
            build.getInputStream().transferTo(System.out);
            assertThat(build.waitFor(60, TimeUnit.MINUTES)).as("docker/build-images within an hour").isTrue();
            assertThat(build.exitValue()).as("docker/build-images").isZero();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "app-service", "web-service", "gateway-service" })
    void shouldStartTheServiceFromTheEntrypointAsAnUnprivilegedUser(String service) throws Exception {
        String image = "foobar/" + service + ":" + ProjectVersion.get();
        if (!succeeds(buildah.toString(), "inspect", "--type", "image", image)) {
            Commands.skipOutsideCi("no image " + image + " (run docker/build-images)");
        }
        // Docker's image configuration: the OCI one has no health check, and an image built without
        // buildah's --format docker loses the Dockerfile's HEALTHCHECK.
        JsonNode config = new ObjectMapper()
            .readTree(Commands.run(buildah.toString(), "inspect", "--type", "image", image))
            .path("Docker")
            .path("config");
        assertThat(config.path("User").asText()).isEqualTo("10001:10001");
        assertThat(config.path("Healthcheck").path("Test").path(1).asText()).as("the image's health check")
            .contains("/actuator/health/readiness");
        String container = Commands.run(buildah.toString(), "from", "--pull-never", image).strip();
        try {
            List<String> command = new ArrayList<>(List.of(buildah.toString(), "run", "--isolation", "chroot"));
            RepositoryFiles.serviceEnvironment(service).forEach((name, value) -> command.add("--env=" + name + "="
                    + (name.endsWith("_PORT") ? "0" : name.equals("FOOBAR_BIND_ADDRESS") ? "127.0.0.1" : value)));
            // The user's id first, from the shell that then becomes the entrypoint: a short command of its own loses
            // its output now and then under buildah's chroot isolation.
            command.addAll(List.of(container, "--", "/bin/sh", "-c", "id -u && exec \"$@\"", "sh"));
            config.path("Entrypoint").forEach((part) -> command.add(part.asText()));
            List<String> output = outputUntil(command, ".*Starting \\w+Application v" + ProjectVersion.get()
                    + " using Java 25.*");
            assertThat(output).as("the user the entrypoint runs as").contains("10001");
            assertThat(output.getLast()).as(service + "'s start-up line").contains("started by foobar in /opt/foobar");
        }
        finally {
            Commands.run(buildah.toString(), "rm", container);
        }
    }

    /**
     * Runs the command until a line of its output matches, then stops it and everything it started; returns the
     * output up to that line.
     */
    private static List<String> outputUntil(List<String> command, String regex) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        Queue<String> seen = new ConcurrentLinkedQueue<>();
        CompletableFuture<String> match = CompletableFuture.supplyAsync(() -> {
            try (BufferedReader output = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = output.readLine(); line != null; line = output.readLine()) {
                    seen.add(line);
                    if (line.matches(regex)) {
                        return line;
                    }
                }
                return null;
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        });
        try {
            String line;
            try {
                line = match.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            }
            catch (TimeoutException ex) {
                line = null;
            }
            assertThat(line).as("a line matching %s in:%n%s", regex, String.join("\n", seen)).isNotNull();
            return List.copyOf(seen);
        }
        finally {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static boolean succeeds(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
        return process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0;
    }

}
