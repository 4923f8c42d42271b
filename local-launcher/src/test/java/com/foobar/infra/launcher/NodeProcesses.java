package com.foobar.infra.launcher;

/**
 * The OS processes of a running topology's nodes, for tests that stop or kill one.
 */
final class NodeProcesses {

    private NodeProcesses() {
    }

    /** The process of the node named {@code name}, by the pid the topology recorded. */
    static ProcessHandle of(LocalTopology topology, String name) {
        long pid = topology.status().orElseThrow().nodes().stream()
            .map(TopologyStatus.NodeStatus::node)
            .filter((node) -> node.name().equals(name))
            .findFirst()
            .orElseThrow()
            .pid();
        return ProcessHandle.of(pid).orElseThrow();
    }

    /** Kills the node as {@code kill -9} does, and returns once its process is gone. */
    static void kill(LocalTopology topology, String name) {
        ProcessHandle process = of(topology, name);
        process.destroyForcibly();
        process.onExit().join();
    }
}
