package com.foobar.infra.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

import com.foobar.infra.launcher.process.HealthProbe;
import com.foobar.infra.launcher.topology.Node;

/**
 * Waits for started nodes to become healthy, reporting each as it does, and fails fast, naming the node and
 * quoting its log, when one exits or misses the deadline.
 */
final class NodeStartupWatch {

    private static final Duration POLL = Duration.ofMillis(200);

    private static final int LOG_LINES_SHOWN = 15;

    private final HealthProbe probe;

    private final Progress progress;

    private final Map<String, Process> processes = new ConcurrentHashMap<>();

    private final Map<String, Path> logs = new ConcurrentHashMap<>();

    NodeStartupWatch(HealthProbe probe, Progress progress) {
        this.probe = probe;
        this.progress = progress;
    }

    void started(Node node, Process process, Path log) {
        this.processes.put(node.name(), process);
        this.logs.put(node.name(), log);
        this.progress.step("%-13s started, pid %d, %s", node.name(), process.pid(), node.ports());
    }

    void awaitHealthy(List<Node> nodes, Duration timeout) {
        await(nodes, this.probe::isHealthy, "healthy", timeout);
    }

    /**
     * Waits until {@code condition} holds for every node, each probed on its own virtual thread so a slow node
     * delays no other.
     */
    void await(List<Node> nodes, Predicate<Node> condition, String state, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            ExecutorCompletionService<Node> done = new ExecutorCompletionService<>(executor);
            for (Node node : nodes) {
                done.submit(() -> await(node, condition, deadline, timeout));
            }
            for (int i = 0; i < nodes.size(); i++) {
                try {
                    this.progress.step("%-13s %s", done.take().get().name(), state);
                }
                catch (ExecutionException ex) {
                    executor.shutdownNow();
                    throw (ex.getCause() instanceof TopologyException problem) ? problem
                            : new TopologyException("Waiting for the nodes failed: " + ex.getCause());
                }
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new TopologyException("Interrupted while waiting for the nodes to become healthy");
        }
    }

    private Node await(Node node, Predicate<Node> condition, long deadline, Duration timeout)
            throws InterruptedException {
        Process process = this.processes.get(node.name());
        Path log = this.logs.get(node.name());
        while (!condition.test(node)) {
            if (!process.isAlive()) {
                throw new TopologyException(node.name() + " exited with code " + process.exitValue()
                        + " while starting. The end of " + log + ":\n" + tail(log));
            }
            if (System.nanoTime() > deadline) {
                throw new TopologyException(node.name() + " was not ready within " + timeout.toSeconds()
                        + " s. The end of " + log + ":\n" + tail(log));
            }
            Thread.sleep(POLL);
        }
        return node;
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_LINES_SHOWN), lines.size()));
        }
        catch (IOException ex) {
            return "(the log could not be read: " + ex.getMessage() + ")";
        }
    }

}
