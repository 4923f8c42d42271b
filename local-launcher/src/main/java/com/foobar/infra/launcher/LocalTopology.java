package com.foobar.infra.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.foobar.infra.launcher.process.AotStartupCache;
import com.foobar.infra.launcher.process.HealthProbe;
import com.foobar.infra.launcher.process.ProcessControl;
import com.foobar.infra.launcher.process.ProcessStarter;
import com.foobar.infra.launcher.state.LocalSecrets;
import com.foobar.infra.launcher.state.NodeRecord;
import com.foobar.infra.launcher.state.TopologyState;
import com.foobar.infra.launcher.tls.DevCertificateAuthority;
import com.foobar.infra.launcher.topology.Node;
import com.foobar.infra.launcher.topology.NodeEnvironment;
import com.foobar.infra.launcher.topology.NodeRole;
import com.foobar.infra.launcher.topology.TopologyPlan;
import com.foobar.infra.mariadb.DatabaseCredentials;
import com.foobar.infra.mariadb.DatabaseRole;
import com.foobar.infra.mariadb.MariaDbDistribution;
import com.foobar.infra.mariadb.MariaDbServer;
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

    private static final Duration DATABASE_START_TIMEOUT = Duration.ofSeconds(60);

    private static final Duration SERVICE_START_TIMEOUT = Duration.ofSeconds(180);

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
        return this.home.resolve("tls").resolve(DevCertificateAuthority.CA_CERTIFICATE);
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
        new DevCertificateAuthority(this.home.resolve("tls")).ensureCertificates();
        this.progress.step("starting %d nodes: %d servers (web + app), %d database replicas, 1 gateway",
                plan.nodes().size(), plan.servers(), plan.replicas());
        Startup startup = new Startup(plan, credentials, jars);
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

    private Path jar(String module) {
        return this.root.resolve(module).resolve("target").resolve(module + ".jar");
    }

    private void deleteState() {
        try {
            Files.deleteIfExists(stateFile());
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** One run of {@code up}: what it started so far, so that an abort stops exactly that. */
    private final class Startup {

        private final TopologyPlan plan;

        private final DatabaseCredentials credentials;

        private final Map<NodeRole, Path> jars;

        private final ReplicationSetup replication;

        private final HealthProbe probe;

        private final ProcessStarter starter;

        private final NodeStartupWatch watch;

        private TopologyState state;

        private boolean aborted;

        Startup(TopologyPlan plan, DatabaseCredentials credentials, Map<NodeRole, Path> jars) {
            this.plan = plan;
            this.credentials = credentials;
            this.jars = jars;
            this.replication = new ReplicationSetup(credentials);
            this.probe = new HealthProbe(this.replication);
            this.starter = new ProcessStarter(LocalTopology.this.root);
            this.watch = new NodeStartupWatch(this.probe, LocalTopology.this.progress);
            this.state = new TopologyState(plan.servers(), plan.replicas(), plan.portOffset(), plan.publicUrl(),
                    List.of());
        }

        synchronized TopologyState state() {
            return this.state;
        }

        void run() {
            Path binaries = LocalTopology.this.root.resolve(".foobar");
            if (!MariaDbDistribution.isUnpacked(binaries)) {
                LocalTopology.this.progress.step("unpacking the MariaDB server binaries (first start only)");
            }
            MariaDbDistribution distribution = MariaDbDistribution.unpack(binaries);
            List<Node> databases = this.plan.nodes().stream().filter((node) -> node.role().isDatabase()).toList();
            List<MariaDbServer> servers = databases.stream().map((node) -> server(node, distribution)).toList();
            installMissing(servers);
            for (MariaDbServer server : servers) {
                server.createRunDirectories();
                record(this.plan.node(server.name()),
                        this.starter.start(server.command(), Map.of(), log(server.name())));
            }
            // Replication is set up over connections to every database, so all of them must accept one first.
            this.watch.await(databases, this.probe::acceptsConnections, "accepting connections",
                    DATABASE_START_TIMEOUT);
            setUpReplication();
            this.watch.awaitHealthy(this.plan.nodes(NodeRole.DB_REPLICA), DATABASE_START_TIMEOUT);
            NodeEnvironment environment = new NodeEnvironment(this.plan, this.credentials,
                    LocalTopology.this.home.resolve("tls"));
            AotStartupCache cache = new AotStartupCache(LocalTopology.this.root.resolve(".foobar/aot"));
            trainStaleCaches(cache, environment);
            List<Node> services = this.plan.nodes().stream().filter((node) -> !node.role().isDatabase()).toList();
            for (Node node : services) {
                record(node, this.starter.start(cache.command(node.name(), this.jars.get(node.role())),
                        environment.of(node), log(node.name())));
            }
            this.watch.awaitHealthy(services, SERVICE_START_TIMEOUT);
            LocalTopology.this.progress.step("all %d nodes healthy", this.plan.nodes().size());
        }

        /**
         * Trains the start-up cache of each service whose jar changed, with its first node's environment (a
         * training run stops before its servers bind a port). A failed training only costs start-up time, so it
         * warns and goes on.
         */
        private void trainStaleCaches(AotStartupCache cache, NodeEnvironment environment) {
            List<Node> firstOfEachRole = this.jars.keySet()
                .stream()
                .filter((role) -> cache.isStale(this.jars.get(role)))
                .map((role) -> this.plan.nodes(role).getFirst())
                .toList();
            if (firstOfEachRole.isEmpty()) {
                return;
            }
            LocalTopology.this.progress.step("training JVM start-up caches of %s (once per build)",
                    firstOfEachRole.stream().map((node) -> node.role().jsonName()).toList());
            Map<Node, Process> trainings = new LinkedHashMap<>();
            for (Node node : firstOfEachRole) {
                trainings.put(node, cache.startTraining(this.jars.get(node.role()), environment.of(node),
                        log(node.name() + "-aot-training")));
            }
            for (Map.Entry<Node, Process> training : trainings.entrySet()) {
                try {
                    if (!training.getValue().waitFor(SERVICE_START_TIMEOUT.toSeconds(), TimeUnit.SECONDS)
                            || training.getValue().exitValue() != 0) {
                        training.getValue().destroyForcibly();
                        LocalTopology.this.progress.step("%s start-up cache not made (see %s); starting without it",
                                training.getKey().role().jsonName(), log(training.getKey().name() + "-aot-training"));
                    }
                }
                catch (InterruptedException ex) {
                    trainings.values().forEach(Process::destroyForcibly);
                    Thread.currentThread().interrupt();
                    throw new TopologyException("Interrupted while training the start-up caches");
                }
            }
            LocalTopology.this.progress.step("start-up caches ready");
        }

        private MariaDbServer server(Node node, MariaDbDistribution distribution) {
            DatabaseRole role = node.role() == NodeRole.DB_PRIMARY ? DatabaseRole.PRIMARY : DatabaseRole.REPLICA;
            return new MariaDbServer(node.name(), role, node.port("mysql"), node.index() + 1,
                    LocalTopology.this.home.resolve("data").resolve(node.name()),
                    LocalTopology.this.home.resolve("run"), distribution);
        }

        private void installMissing(List<MariaDbServer> servers) {
            try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
                List<Future<?>> installs = new ArrayList<>();
                for (MariaDbServer server : servers) {
                    if (!server.isInstalled()) {
                        LocalTopology.this.progress.step("%-13s creating its data directory", server.name());
                        installs.add(executor.submit(() -> server.install(this.credentials, log(server.name()))));
                    }
                }
                for (Future<?> install : installs) {
                    install.get();
                }
            }
            catch (Exception ex) {
                throw new TopologyException("Could not create a database: " + rootCause(ex).getMessage());
            }
        }

        private void setUpReplication() {
            int primaryPort = this.plan.node("db-primary").port("mysql");
            try {
                this.replication.preparePrimary(primaryPort);
                for (Node replica : this.plan.nodes(NodeRole.DB_REPLICA)) {
                    this.replication.followPrimary(replica.port("mysql"), primaryPort);
                }
            }
            catch (SQLException ex) {
                throw new TopologyException("Could not set up replication: " + ex.getMessage());
            }
        }

        private synchronized void record(Node node, Process process) {
            if (this.aborted) {
                process.destroyForcibly();
                throw new TopologyException("Start-up was interrupted");
            }
            this.watch.started(node, process, log(node.name()));
            this.state = this.state.with(new NodeRecord(node.name(), node.role().jsonName(), process.pid(),
                    ProcessControl.startedAtMillis(process), node.ports(), log(node.name()).toString()));
            this.state.write(stateFile());
        }

        synchronized void abort() {
            if (this.aborted || this.state.nodes().isEmpty() && !Files.exists(stateFile())) {
                return;
            }
            this.aborted = true;
            LocalTopology.this.progress.step("stopping the %d nodes started so far", this.state.nodes().size());
            ProcessControl.stop(this.state.nodes(), Duration.ofSeconds(10));
            deleteState();
        }

        private Path log(String node) {
            return LocalTopology.this.home.resolve("logs").resolve(node + ".log");
        }

        private static Throwable rootCause(Throwable ex) {
            Throwable cause = ex;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            return cause;
        }

    }

}
