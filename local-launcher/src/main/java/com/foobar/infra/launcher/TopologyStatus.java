package com.foobar.infra.launcher;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.foobar.infra.launcher.state.NodeRecord;

import tools.jackson.databind.json.JsonMapper;

/**
 * The topology as {@code ./foobar status} shows it: a table for people, or the JSON document of the brief's
 * contract, {@code {"nodes": [{"name", "role", "pid", "healthy", "ports"}], "url"}}.
 */
public record TopologyStatus(String url, List<NodeStatus> nodes) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public boolean allHealthy() {
        return this.nodes.stream().allMatch(NodeStatus::healthy);
    }

    public String toJson() {
        List<Map<String, Object>> nodes = this.nodes.stream().map((status) -> {
            Map<String, Object> node = new LinkedHashMap<>();
            node.put("name", status.node().name());
            node.put("role", status.node().role());
            node.put("pid", status.node().pid());
            node.put("healthy", status.healthy());
            node.put("ports", status.node().ports());
            return node;
        }).toList();
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("nodes", nodes);
        document.put("url", this.url);
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(document);
    }

    public String toTable() {
        StringBuilder table = new StringBuilder(String.format("%-14s %-11s %-8s %-10s %s%n", "NAME", "ROLE", "PID",
                "STATE", "PORTS"));
        for (NodeStatus status : this.nodes) {
            NodeRecord node = status.node();
            String ports = node.ports()
                .entrySet()
                .stream()
                .map((port) -> port.getKey() + "=" + port.getValue())
                .collect(Collectors.joining(" "));
            table.append(String.format("%-14s %-11s %-8d %-10s %s%n", node.name(), node.role(), node.pid(),
                    status.healthy() ? "healthy" : "DOWN", ports));
        }
        table.append("\nsite: ").append(this.url).append('\n');
        return table.toString();
    }

    /** One node and whether its process runs and answers its health check. */
    public record NodeStatus(NodeRecord node, boolean healthy) {

    }

}
