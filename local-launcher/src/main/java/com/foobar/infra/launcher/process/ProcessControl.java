package com.foobar.infra.launcher.process;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.foobar.infra.launcher.state.NodeRecord;

/**
 * Finds and stops recorded nodes by pid, and only those: a pid counts as ours only while the process behind
 * it has the start time we recorded.
 */
public final class ProcessControl {

    private ProcessControl() {
    }

    public static Optional<ProcessHandle> find(NodeRecord node) {
        return ProcessHandle.of(node.pid())
            .filter(ProcessHandle::isAlive)
            .filter((handle) -> handle.info()
                .startInstant()
                .map((start) -> start.toEpochMilli() == node.startedAtMillis())
                .orElse(false));
    }

    public static long startedAtMillis(Process process) {
        return process.toHandle().info().startInstant().map((start) -> start.toEpochMilli()).orElse(0L);
    }

    /**
     * Asks every node to stop (SIGTERM, so services drain and MariaDB shuts down cleanly), waits up to
     * {@code grace}, then kills what is left. Returns the names of the nodes that had to be killed.
     */
    public static List<String> stop(List<NodeRecord> nodes, Duration grace) {
        List<NodeRecord> running = new ArrayList<>();
        List<CompletableFuture<ProcessHandle>> exits = new ArrayList<>();
        for (NodeRecord node : nodes) {
            find(node).ifPresent((handle) -> {
                handle.destroy();
                running.add(node);
                exits.add(handle.onExit());
            });
        }
        List<String> killed = new ArrayList<>();
        long deadline = System.nanoTime() + grace.toNanos();
        for (int i = 0; i < running.size(); i++) {
            try {
                exits.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
            catch (TimeoutException ex) {
                find(running.get(i)).ifPresent(ProcessHandle::destroyForcibly);
                killed.add(running.get(i).name());
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                find(running.get(i)).ifPresent(ProcessHandle::destroyForcibly);
            }
            catch (ExecutionException ex) {
                throw new IllegalStateException(ex);
            }
        }
        return killed;
    }

}
