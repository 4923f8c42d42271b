package com.foobar.infra.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.foobar.infra.launcher.process.AotStartupCache;
import com.foobar.infra.launcher.process.HealthProbe;
import com.foobar.infra.launcher.process.ProcessControl;
import com.foobar.infra.launcher.process.ProcessStarter;
import com.foobar.infra.launcher.state.NodeRecord;
import com.foobar.infra.launcher.state.TopologyState;
import com.foobar.infra.launcher.topology.GatewayConfigFile;
import com.foobar.infra.launcher.topology.Node;
import com.foobar.infra.launcher.topology.NodeEnvironment;
import com.foobar.infra.launcher.topology.NodeRole;
import com.foobar.infra.launcher.topology.TopologyPlan;
import com.foobar.infra.launcher.topology.WebConfigFile;
import com.foobar.infra.mariadb.DatabaseCredentials;
import com.foobar.infra.mariadb.DatabaseRole;
import com.foobar.infra.mariadb.MariaDbDistribution;
import com.foobar.infra.mariadb.MariaDbServer;
import com.foobar.infra.mariadb.ReplicationSetup;

/**
 * One run of {@link LocalTopology#up}: starts the nodes of a plan and keeps what it started so far, so that an
 * {@link #abort} (the launcher failing, or interrupted) stops exactly that.
 *
 * <p>Each node is started and recorded in one step under this object's lock, the one {@link #abort} takes: an
 * abort either sees the node recorded and stops it, or comes first and the node is never started.
 */
final class TopologyStartup {

    private static final Duration DATABASE_START_TIMEOUT = Duration.ofSeconds(60);

    private static final Duration SERVICE_START_TIMEOUT = Duration.ofSeconds(180);

    private final Path root;

    private final Path home;

    private final Path stateFile;

    private final Progress progress;

    private final TopologyPlan plan;

    private final DatabaseCredentials credentials;

    private final Map<NodeRole, Path> jars;

    private final ReplicationSetup replication;

    private final HealthProbe probe;

    private final ProcessStarter starter;

    private final NodeStartupWatch watch;

    private TopologyState state;

    private boolean aborted;

    /**
     * @param root the project folder: the MariaDB binaries and the JVM start-up caches go below its
     * {@code .foobar/}, and the nodes run in it
     * @param home the topology's folder: data, logs and certificates
     * @param stateFile where each started node is recorded
     */
    TopologyStartup(Path root, Path home, Path stateFile, Progress progress, TopologyPlan plan,
            DatabaseCredentials credentials, Map<NodeRole, Path> jars) {
        this.root = root;
        this.home = home;
        this.stateFile = stateFile;
        this.progress = progress;
        this.plan = plan;
        this.credentials = credentials;
        this.jars = jars;
        this.replication = new ReplicationSetup(credentials);
        this.probe = new HealthProbe(this.replication);
        this.starter = new ProcessStarter(root);
        this.watch = new NodeStartupWatch(this.probe, progress);
        this.state = new TopologyState(plan.servers(), plan.replicas(), plan.portOffset(), plan.publicUrl(),
                List.of());
    }

    synchronized TopologyState state() {
        return this.state;
    }

    void run() {
        Path binaries = this.root.resolve(".foobar");
        if (!MariaDbDistribution.isUnpacked(binaries)) {
            this.progress.step("unpacking the MariaDB server binaries (first start only)");
        }
        MariaDbDistribution distribution = MariaDbDistribution.unpack(binaries);
        List<Node> databases = this.plan.nodes().stream().filter((node) -> node.role().isDatabase()).toList();
        List<MariaDbServer> servers = databases.stream().map((node) -> server(node, distribution)).toList();
        installMissing(servers);
        for (MariaDbServer server : servers) {
            server.createRunDirectories();
            start(this.plan.node(server.name()), server.command(), Map.of());
        }
        // Replication is set up over connections to every database, so all of them must accept one first.
        this.watch.await(databases, this.probe::acceptsConnections, "accepting connections", DATABASE_START_TIMEOUT);
        setUpReplication();
        this.watch.awaitHealthy(this.plan.nodes(NodeRole.DB_REPLICA), DATABASE_START_TIMEOUT);
        NodeEnvironment environment = new NodeEnvironment(this.plan, this.credentials, this.home);
        GatewayConfigFile.write(this.plan, this.home);
        WebConfigFile.write(this.plan, this.home);
        AotStartupCache cache = new AotStartupCache(this.root.resolve(".foobar/aot"));
        trainStaleCaches(cache, environment);
        List<Node> services = this.plan.nodes().stream().filter((node) -> !node.role().isDatabase()).toList();
        for (Node node : services) {
            start(node, cache.command(node.name(), this.jars.get(node.role())), environment.of(node));
        }
        this.watch.awaitHealthy(services, SERVICE_START_TIMEOUT);
        this.progress.step("all %d nodes healthy", this.plan.nodes().size());
    }

    /** Stops the nodes started so far and forgets them; later starts are refused. */
    synchronized void abort() {
        if (this.aborted || this.state.nodes().isEmpty() && !Files.exists(this.stateFile)) {
            return;
        }
        this.aborted = true;
        this.progress.step("stopping the %d nodes started so far", this.state.nodes().size());
        ProcessControl.stop(this.state.nodes(), Duration.ofSeconds(10));
        TopologyState.delete(this.stateFile);
    }

    /**
     * Starts {@code node} and records it, unless start-up was aborted; one step under the lock {@link #abort}
     * takes, so no node can start after an abort or escape one unrecorded.
     */
    private synchronized void start(Node node, List<String> command, Map<String, String> environment) {
        if (this.aborted) {
            throw new TopologyException("Start-up was interrupted");
        }
        Path log = log(node.name());
        Process process = this.starter.start(command, environment, log);
        this.state = this.state.with(new NodeRecord(node.name(), node.role().jsonName(), process.pid(),
                ProcessControl.startedAtMillis(process), node.ports(), log.toString()));
        this.watch.started(node, process, log);
        this.state.write(this.stateFile);
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
        this.progress.step("training JVM start-up caches of %s (once per build)",
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
                    this.progress.step("%s start-up cache not made (see %s); starting without it",
                            training.getKey().role().jsonName(), log(training.getKey().name() + "-aot-training"));
                }
            }
            catch (InterruptedException ex) {
                trainings.values().forEach(Process::destroyForcibly);
                Thread.currentThread().interrupt();
                throw new TopologyException("Interrupted while training the start-up caches");
            }
        }
        this.progress.step("start-up caches ready");
    }

    private MariaDbServer server(Node node, MariaDbDistribution distribution) {
        DatabaseRole role = node.role() == NodeRole.DB_PRIMARY ? DatabaseRole.PRIMARY : DatabaseRole.REPLICA;
        return new MariaDbServer(node.name(), role, node.port("mysql"), node.index() + 1,
                this.home.resolve("data").resolve(node.name()), this.home.resolve("run"), distribution);
    }

    private void installMissing(List<MariaDbServer> servers) {
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> installs = new ArrayList<>();
            for (MariaDbServer server : servers) {
                if (!server.isInstalled()) {
                    this.progress.step("%-13s creating its data directory", server.name());
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

    private Path log(String node) {
        return this.home.resolve("logs").resolve(node + ".log");
    }

    private static Throwable rootCause(Throwable ex) {
        Throwable cause = ex;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

}
