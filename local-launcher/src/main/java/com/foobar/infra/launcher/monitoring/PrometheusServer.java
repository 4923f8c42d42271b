package com.foobar.infra.launcher.monitoring;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import com.foobar.infra.launcher.TopologyException;
import com.foobar.infra.launcher.process.ProcessControl;
import com.foobar.infra.launcher.process.ProcessStarter;
import com.foobar.infra.launcher.state.NodeRecord;
import com.foobar.infra.launcher.topology.TopologyPlan;

/**
 * Debian's {@code prometheus} binary run beside a topology: started detached like the nodes, with the
 * configuration {@link PrometheusConfig} renders for the plan, on port 9090 plus the plan's offset, and recorded
 * (pid and process start time) in {@code run/prometheus.json} so that {@code ./foobar down} stops exactly it.
 */
public final class PrometheusServer {

    private static final int PORT = 9090;

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private static final Duration STOP_GRACE = Duration.ofSeconds(10);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path root;

    private final Path home;

    /**
     * @param root the project folder, whose {@code monitoring/prometheus/alerts.yml} holds the alert rules
     * @param home the topology's folder: its configuration, data, log and record go there
     */
    public PrometheusServer(Path root, Path home) {
        this.root = root.toAbsolutePath().normalize();
        this.home = home.toAbsolutePath().normalize();
    }

    public static String url(TopologyPlan plan) {
        return "http://127.0.0.1:" + port(plan) + "/";
    }

    /**
     * Refuses, before anything starts, when Prometheus is not installed or its port is taken.
     * @throws TopologyException saying how to fix it
     */
    public static void checkCanStart(TopologyPlan plan) {
        binary();
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port(plan)));
        }
        catch (IOException ex) {
            throw new TopologyException("Port " + port(plan) + " (prometheus) is already in use by another process. "
                    + "Free it, or move every port with --port-offset. Nothing was started.");
        }
    }

    /** Starts Prometheus for {@code plan} and returns once it is ready. */
    public void start(TopologyPlan plan) {
        Path config = this.home.resolve("monitoring/prometheus.yml");
        Path log = this.home.resolve("logs/prometheus.log");
        try {
            Files.createDirectories(config.getParent());
            Files.createDirectories(recordFile().getParent());
            Files.writeString(config,
                    PrometheusConfig.render(plan, this.root.resolve("monitoring/prometheus/alerts.yml").toString()));
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not write " + config, ex);
        }
        List<String> command = List.of(binary().toString(), "--config.file=" + config,
                "--storage.tsdb.path=" + this.home.resolve("data/prometheus"),
                "--storage.tsdb.retention.time=2d", "--web.listen-address=127.0.0.1:" + port(plan));
        Process process = new ProcessStarter(this.root).start(command, Map.of(), log);
        NodeRecord record = new NodeRecord("prometheus", "monitoring", process.pid(),
                ProcessControl.startedAtMillis(process), Map.of("http", port(plan)), log.toString());
        JSON.writeValue(recordFile().toFile(), record);
        awaitReady(process, URI.create(url(plan) + "-/ready"), log);
    }

    /** Stops the recorded Prometheus, if it runs; returns whether it did. */
    public boolean stop() {
        Path file = recordFile();
        if (!Files.exists(file)) {
            return false;
        }
        NodeRecord record = JSON.readValue(file.toFile(), NodeRecord.class);
        boolean running = ProcessControl.find(record).isPresent();
        ProcessControl.stop(List.of(record), STOP_GRACE);
        try {
            Files.deleteIfExists(file);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not delete " + file, ex);
        }
        return running;
    }

    private Path recordFile() {
        return this.home.resolve("run/prometheus.json");
    }

    private void awaitReady(Process process, URI ready, Path log) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        try {
            while (System.nanoTime() < deadline && process.isAlive()) {
                if (answers(http, ready)) {
                    return;
                }
                Thread.sleep(200);
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        stop();
        throw new TopologyException("Prometheus did not become ready within " + START_TIMEOUT.toSeconds()
                + " s; see " + log);
    }

    private static boolean answers(HttpClient http, URI uri) throws InterruptedException {
        try {
            return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode() == 200;
        }
        catch (IOException ex) {
            return false;
        }
    }

    private static int port(TopologyPlan plan) {
        return PORT + plan.portOffset();
    }

    private static Path binary() {
        return find(System.getenv("PATH")).orElseThrow(() -> new TopologyException(
                "--monitoring needs Prometheus, which is not installed: apt-get install prometheus (Debian, Ubuntu), "
                        + "or put a prometheus binary on the PATH. Nothing was started."));
    }

    /** The {@code prometheus} executable in the folders of {@code path} (a {@code PATH} value) or /usr/bin. */
    static Optional<Path> find(@Nullable String path) {
        return Stream.concat(Stream.of(Objects.requireNonNullElse(path, "").split(File.pathSeparator)),
                Stream.of("/usr/bin"))
            .filter((dir) -> !dir.isEmpty())
            .map((dir) -> Path.of(dir, "prometheus"))
            .filter((file) -> Files.isRegularFile(file) && Files.isExecutable(file))
            .findFirst();
    }

}
