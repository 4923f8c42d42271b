package com.foobar.infra.launcher.seed;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import com.foobar.infra.launcher.LocalTopology;
import com.foobar.infra.launcher.TopologyException;
import com.foobar.infra.launcher.state.TopologyState;
import com.foobar.infra.launcher.topology.NodeEnvironment;
import com.foobar.infra.launcher.topology.TopologyPlan;

/**
 * {@code ./foobar seed}: runs app-service once, without a web server, against the running topology's database,
 * where it creates the demo users and posts and exits (app-service's {@code seed} package does the work).
 *
 * <p>The run gets exactly the environment an application server of this topology gets ({@link NodeEnvironment},
 * as app-1), so it writes through the same router to the same primary with the same account; only its node name
 * differs. Counts left out fall back to app-service's defaults ({@code foobar.seed.*}). Its output is passed on.
 */
public final class SeedCommand {

    private final Path root;

    private final Path home;

    private final LocalTopology topology;

    private final PrintStream out;

    /**
     * @param root the project folder, where app-service's jar is built
     * @param home the running topology's folder
     */
    public SeedCommand(Path root, Path home, LocalTopology topology, PrintStream out) {
        this.root = root.toAbsolutePath().normalize();
        this.home = home.toAbsolutePath().normalize();
        this.topology = topology;
        this.out = out;
    }

    /**
     * Seeds the running topology.
     * @param users how many demo users there should be, or {@code null} for app-service's default
     * @param posts how many posts to add, or {@code null} for app-service's default
     * @return the seed run's exit code
     * @throws TopologyException when no topology runs or app-service is not built
     */
    public int run(@Nullable Integer users, @Nullable Integer posts) {
        Map<String, String> environment = environment();
        ProcessBuilder seed = new ProcessBuilder(command(users, posts)).directory(this.root.toFile())
                .redirectErrorStream(true);
        seed.environment().putAll(environment);
        Process process;
        try {
            process = seed.start();
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not start the seed run", ex);
        }
        try (BufferedReader output = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            output.lines().forEach(this.out::println);
            return process.waitFor();
        }
        catch (IOException | UncheckedIOException ex) {
            throw new TopologyException("Lost the seed run's output: " + ex.getMessage());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new TopologyException("Interrupted while seeding");
        }
        finally {
            // Whatever ended this wait, the seed run does not outlive the command that started it.
            process.destroyForcibly();
        }
    }

    /** The environment of app-1 of the running topology, under the node name {@code seed}. */
    Map<String, String> environment() {
        TopologyState state = TopologyState.read(this.topology.stateFile())
                .orElseThrow(() -> new TopologyException("Nothing to seed: the topology is not running "
                        + "(start it with ./foobar up)."));
        TopologyPlan plan = new TopologyPlan(state.servers(), state.replicas(), state.portOffset());
        Map<String, String> environment = new LinkedHashMap<>(
                new NodeEnvironment(plan, this.topology.credentials(), this.home).of(plan.node("app-1")));
        environment.put("FOOBAR_NODE_NAME", "seed");
        return environment;
    }

    List<String> command(@Nullable Integer users, @Nullable Integer posts) {
        Path jar = this.root.resolve("app-service/target/app-service.jar");
        if (!Files.isRegularFile(jar)) {
            throw new TopologyException(jar + " is missing: build it with ./mvnw -DskipTests package");
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", jar.toString(), "--spring.main.web-application-type=none",
                "--spring.main.banner-mode=off", "--logging.level.root=ERROR"));
        if (users != null) {
            command.add("--foobar.seed.users=" + users);
        }
        if (posts != null) {
            command.add("--foobar.seed.posts=" + posts);
        }
        return command;
    }
}
