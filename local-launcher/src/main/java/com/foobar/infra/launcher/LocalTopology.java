package com.foobar.infra.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import com.foobar.infra.launcher.process.HealthProbe;
import com.foobar.infra.launcher.process.ProcessControl;
import com.foobar.infra.launcher.state.LocalSecrets;
import com.foobar.infra.launcher.state.NodeRecord;
import com.foobar.infra.launcher.state.TopologyState;
import com.foobar.infra.launcher.tls.DevCertificateAuthority;
import com.foobar.infra.launcher.tls.InternalCertificateAuthorities;
import com.foobar.infra.launcher.topology.Node;
import com.foobar.infra.launcher.topology.NodeRole;
import com.foobar.infra.launcher.topology.TopologyPlan;
import com.foobar.infra.mariadb.DatabaseCredentials;
import com.foobar.infra.mariadb.ReplicationSetup;

/**
 * The local topology: every node a real process on loopback, started, found and stopped through the state
 * file in {@code home}. This is what {@code ./foobar up}, {@code down} and {@code status} run, and what the
 * end-to-end tests run.
 *
 * <p>{@link #up} either returns with every node healthy or stops whatever it started and throws: a topology is
 * never left half-running, also when the launcher is interrupted (a shutdown hook stops the started nodes).
 */
public final class LocalTopology {

    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private final Path root;

    private final Path home;

    private final Progress progress;

    /**
     * @param root the project folder, where the service jars are built and {@code .foobar/} caches what belongs
     * to a build rather than to a topology (the MariaDB binaries, the JVM start-up caches)
     * @param home where the topology keeps its state, data, logs, secrets and certificates
     */
    public LocalTopology(Path root, Path home, PrintStream out) {
        this.root = root.toAbsolutePath().normalize();
        this.home = home.toAbsolutePath().normalize();
        this.progress = new Progress(out);
    }

    public Path stateFile() {
        return this.home.resolve("run/topology.json");
    }

    public Path caCertificate() {
        return certificateAuthority().caCertificate();
    }

    public DatabaseCredentials credentials() {
        return new LocalSecrets(this.home.resolve("secrets.properties")).databaseCredentials();
    }

    /** Starts {@code plan} and returns once every node is healthy. */
    public TopologyState up(TopologyPlan plan) {
        refuseIfRunning();
        refuseTakenPorts(plan);
        Map<NodeRole, Path> jars = serviceJars();
        DatabaseCredentials credentials = credentials();
        certificateAuthority().ensureCertificates();
        internalCertificateAuthorities().ensureCertificates(nodesByTier(plan));
        this.progress.step("starting %d nodes: %d servers (web + app), %d database replicas, a pair of gateways",
                plan.nodes().size(), plan.servers(), plan.replicas());
        TopologyStartup startup = new TopologyStartup(this.root, this.home, stateFile(), this.progress, plan,
                credentials, jars);
        Thread onInterrupt = new Thread(startup::abort, "foobar-abort");
        Runtime.getRuntime().addShutdownHook(onInterrupt);
        try {
            startup.run();
            return startup.state();
        }
        catch (RuntimeException ex) {
            startup.abort();
            throw ex;
        }
        finally {
            try {
                Runtime.getRuntime().removeShutdownHook(onInterrupt);
            }
            catch (IllegalStateException shuttingDown) {
                // Interrupted (Ctrl-C, SIGTERM): the hook is running and stops what was started.
            }
        }
    }

    /** Stops every node of the running topology; returns how many were running. */
    public int down() {
        Optional<TopologyState> state = readState();
        if (state.isEmpty()) {
            return 0;
        }
        List<NodeRecord> nodes = new ArrayList<>(state.get().nodes());
        int running = (int) nodes.stream().filter((node) -> ProcessControl.find(node).isPresent()).count();
        // Front to back, so no tier loses its backend while it still takes requests.
        for (List<NodeRecord> tier : List.of(tier(nodes, "gateway"), tier(nodes, "web"), tier(nodes, "app"),
                tier(nodes, "db-replica"), tier(nodes, "db-primary"))) {
            for (String killed : ProcessControl.stop(tier, STOP_GRACE)) {
                this.progress.step("%s did not stop within %ds and was killed", killed, STOP_GRACE.toSeconds());
            }
        }
        deleteState();
        return running;
    }

    /** Each recorded node with whether it runs and is healthy; empty when no topology was started. */
    public Optional<TopologyStatus> status() {
        return readState().map((state) -> {
            TopologyPlan plan = new TopologyPlan(state.servers(), state.replicas(), state.portOffset());
            HealthProbe probe = new HealthProbe(new ReplicationSetup(credentials()));
            List<TopologyStatus.NodeStatus> nodes = state.nodes()
                .stream()
                .map((node) -> new TopologyStatus.NodeStatus(node,
                        ProcessControl.find(node).isPresent() && probe.isHealthy(plan.node(node.name()))))
                .toList();
            return new TopologyStatus(state.url(), nodes);
        });
    }

    /** The state file, if any; a damaged one is reported as a problem the user can fix, not a stack trace. */
    private Optional<TopologyState> readState() {
        try {
            return TopologyState.read(stateFile());
        }
        catch (IllegalStateException ex) {
            throw new TopologyException(ex.getMessage());
        }
    }

    private static List<NodeRecord> tier(List<NodeRecord> nodes, String role) {
        return nodes.stream().filter((node) -> node.role().equals(role)).toList();
    }

    private void refuseIfRunning() {
        Optional<TopologyState> state = readState();
        if (state.isEmpty()) {
            return;
        }
        long alive = state.get().nodes().stream().filter((node) -> ProcessControl.find(node).isPresent()).count();
        if (alive > 0) {
            throw new TopologyException("The topology is already running (" + alive + " of "
                    + state.get().nodes().size() + " nodes up) at " + state.get().url()
                    + "\nSee ./foobar status, or stop it first with ./foobar down.");
        }
        // Every recorded process is gone (a crash, a reboot): the record is stale.
        deleteState();
    }

    private static void refuseTakenPorts(TopologyPlan plan) {
        for (Node node : plan.nodes()) {
            for (Map.Entry<String, Integer> port : node.ports().entrySet()) {
                try (ServerSocket socket = new ServerSocket()) {
                    socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port.getValue()));
                }
                catch (IOException ex) {
                    throw new TopologyException("Port " + port.getValue() + " (" + node.name() + ", "
                            + port.getKey() + ") is already in use by another process. Free it, or move every "
                            + "port with --port-offset. Nothing was started.");
                }
            }
        }
    }

    private Map<NodeRole, Path> serviceJars() {
        Map<NodeRole, Path> jars = Map.of(NodeRole.APP, jar("app-service"), NodeRole.WEB, jar("web-service"),
                NodeRole.GATEWAY, jar("gateway-service"));
        for (Path jar : jars.values()) {
            if (!Files.isRegularFile(jar)) {
                throw new TopologyException(jar + " is missing: build it with ./mvnw -DskipTests package "
                        + "(./foobar up builds what is missing)");
            }
        }
        return jars;
    }

    private DevCertificateAuthority certificateAuthority() {
        return new DevCertificateAuthority(this.home.resolve("tls"));
    }

    private InternalCertificateAuthorities internalCertificateAuthorities() {
        return new InternalCertificateAuthorities(this.home.resolve("tls"));
    }

    /** The service nodes by role: each role is a tier with a CA of its own. */
    private static Map<String, List<String>> nodesByTier(TopologyPlan plan) {
        return plan.nodes()
            .stream()
            .filter((node) -> !node.role().isDatabase())
            .collect(Collectors.groupingBy((node) -> node.role().jsonName(), LinkedHashMap::new,
                    Collectors.mapping(Node::name, Collectors.toList())));
    }

    private Path jar(String module) {
        return this.root.resolve(module).resolve("target").resolve(module + ".jar");
    }

    private void deleteState() {
        TopologyState.delete(stateFile());
    }

}
