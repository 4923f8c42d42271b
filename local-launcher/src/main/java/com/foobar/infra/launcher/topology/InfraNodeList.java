package com.foobar.infra.launcher.topology;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The topology's nodes as the web servers' infrastructure view reads them ({@code foobar.infra.nodes}): one
 * indexed group of environment variables per node, with its name, its role and, for a service node, the base URL
 * of its management server on loopback, where the view polls it as Prometheus does.
 *
 * <p>Nodes come in the order the view draws them, front to back: gateways, web, app, primary, replicas. A
 * database has no management server; the view sees it through the application servers.
 */
public final class InfraNodeList {

    private static final List<NodeRole> FRONT_TO_BACK = List.of(NodeRole.GATEWAY, NodeRole.WEB, NodeRole.APP,
            NodeRole.DB_PRIMARY, NodeRole.DB_REPLICA);

    private InfraNodeList() {
    }

    /** {@code FOOBAR_INFRA_NODES_<i>_NAME}, {@code _ROLE} and (service nodes) {@code _MANAGEMENT}. */
    public static Map<String, String> environment(TopologyPlan plan) {
        Map<String, String> env = new LinkedHashMap<>();
        int i = 0;
        for (NodeRole role : FRONT_TO_BACK) {
            for (Node node : plan.nodes(role)) {
                String prefix = "FOOBAR_INFRA_NODES_" + i++ + "_";
                env.put(prefix + "NAME", node.name());
                env.put(prefix + "ROLE", role.jsonName());
                if (!role.isDatabase()) {
                    env.put(prefix + "MANAGEMENT", "http://127.0.0.1:" + node.port("management"));
                }
            }
        }
        return env;
    }

}
