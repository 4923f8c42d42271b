package com.foobar.infra.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    private final Map<String, Process> processes = new LinkedHashMap<>();

    private final Map<String, Path> logs = new LinkedHashMap<>();

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
        List<Node> pending = new ArrayList<>(nodes);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!pending.isEmpty()) {
            for (Node node : List.copyOf(pending)) {
                Process process = this.processes.get(node.name());
                if (!process.isAlive()) {
                    throw new TopologyException(node.name() + " exited with code " + process.exitValue()
                            + " while starting. The end of " + this.logs.get(node.name()) + ":\n"
                            + tail(this.logs.get(node.name())));
                }
                if (this.probe.isHealthy(node)) {
                    pending.remove(node);
                    this.progress.step("%-13s healthy", node.name());
                }
            }
            if (!pending.isEmpty() && System.nanoTime() > deadline) {
                Node late = pending.getFirst();
                throw new TopologyException(late.name() + " was not healthy within " + timeout.toSeconds()
                        + " s. The end of " + this.logs.get(late.name()) + ":\n" + tail(this.logs.get(late.name())));
            }
            sleep();
        }
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

    private static void sleep() {
        try {
            Thread.sleep(POLL);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new TopologyException("Interrupted while waiting for the nodes to become healthy");
        }
    }

}
