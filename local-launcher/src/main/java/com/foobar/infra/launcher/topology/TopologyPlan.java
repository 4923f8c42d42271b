package com.foobar.infra.launcher.topology;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The nodes of a local topology of {@code servers} servers (each a web and an application node) and
 * {@code replicas} database replicas, with every port derived from one scheme plus an offset.
 *
 * <p>Default ports: both gateways of the pair https 8443 and http 8080 (shared, see gateway-service's
 * {@code ReusePortServerCustomizer}), gateway-N management 8480+N; web-N 8100+N (management 8150+N); app-N 8200+N
 * (management 8250+N); db-primary 13306, db-replica-N 13306+N. The offset shifts them all, so a second topology (a
 * test's) can run beside the first.
 */
public record TopologyPlan(int servers, int replicas, int portOffset) {

    public static final int MAX_SERVERS = 9;

    public static final int MAX_REPLICAS = 9;

    /** The load balancer pair of the seeds' last design: two active-active gateways on one address. */
    public static final int GATEWAYS = 2;

    public TopologyPlan {
        if (servers < 1 || servers > MAX_SERVERS) {
            throw new IllegalArgumentException("--servers must be between 1 and " + MAX_SERVERS + ", got " + servers);
        }
        if (replicas < 0 || replicas > MAX_REPLICAS) {
            throw new IllegalArgumentException(
                    "--replicas must be between 0 and " + MAX_REPLICAS + ", got " + replicas);
        }
        if (portOffset < 0 || 13_306 + MAX_REPLICAS + portOffset > 65_535) {
            throw new IllegalArgumentException("--port-offset must keep ports below 65536, got " + portOffset);
        }
    }

    /** The topology {@code ./foobar up} starts when no option changes it: 3 servers, 2 replicas, no offset. */
    public static TopologyPlan seedsDefault() {
        return new TopologyPlan(3, 2, 0);
    }

    /** Every node, databases first, in the order they start. */
    public List<Node> nodes() {
        List<Node> nodes = new ArrayList<>();
        nodes.add(node("db-primary", NodeRole.DB_PRIMARY, 0, "mysql", 13_306));
        for (int i = 1; i <= this.replicas; i++) {
            nodes.add(node("db-replica-" + i, NodeRole.DB_REPLICA, i, "mysql", 13_306 + i));
        }
        for (int i = 1; i <= this.servers; i++) {
            nodes.add(node("app-" + i, NodeRole.APP, i, "http", 8200 + i, "management", 8250 + i));
        }
        for (int i = 1; i <= this.servers; i++) {
            nodes.add(node("web-" + i, NodeRole.WEB, i, "http", 8100 + i, "management", 8150 + i));
        }
        for (int i = 1; i <= GATEWAYS; i++) {
            nodes.add(node("gateway-" + i, NodeRole.GATEWAY, i, "https", 8443, "http", 8080, "management", 8480 + i));
        }
        return nodes;
    }

    public List<Node> nodes(NodeRole role) {
        return nodes().stream().filter((node) -> node.role() == role).toList();
    }

    public Node node(String name) {
        return nodes().stream()
            .filter((node) -> node.name().equals(name))
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException("No node named " + name));
    }

    /** The site's address as a browser uses it. */
    public String publicUrl() {
        return "https://www.foobar.com:" + node("gateway-1").port("https") + "/";
    }

    private Node node(String name, NodeRole role, int index, Object... purposeAndPort) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (int i = 0; i < purposeAndPort.length; i += 2) {
            ports.put((String) purposeAndPort[i], (Integer) purposeAndPort[i + 1] + this.portOffset);
        }
        return new Node(name, role, index, Collections.unmodifiableMap(ports));
    }

}
