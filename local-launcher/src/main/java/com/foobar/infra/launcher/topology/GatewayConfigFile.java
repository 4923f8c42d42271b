package com.foobar.infra.launcher.topology;

import java.nio.file.Path;

/**
 * The gateways' configuration file ({@value #NAME} in the topology's folder): the {@code web-service} backend group
 * with every web server and its readiness endpoint, as the gateway reads it from {@code foobar.balancing.config-file}.
 *
 * <p>Both gateways read the one file, and reload it when it changes: an operator adds or removes a web server, or
 * changes the algorithm, by editing it while the topology runs (docs/architecture.md). {@code ./foobar up} writes it
 * afresh from the plan.
 */
public final class GatewayConfigFile {

    public static final String NAME = "gateway.yml";

    private GatewayConfigFile() {
    }

    /** The file's text for a plan. */
    public static String render(TopologyPlan plan) {
        return TopologyFiles.backendGroup("""
                # The gateways' backend groups, written by ./foobar up and reloaded by both gateways when it changes.
                # Algorithms: round-robin, weighted-round-robin, least-connections, source-hash; sticky-cookie: NAME.
                """, "web-service", """
                        algorithm: round-robin
                        health-check:
                          interval: 1s
                          fall: 2
                          rise: 2
                """, plan.nodes(NodeRole.WEB));
    }

    /** Writes the file for a plan into the topology's folder, in one step so a running gateway never reads half. */
    public static Path write(TopologyPlan plan, Path home) {
        return TopologyFiles.write(home, NAME, render(plan));
    }
}
