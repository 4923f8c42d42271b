package com.foobar.infra.launcher.topology;

import java.nio.file.Path;

/**
 * The web servers' configuration file ({@value #NAME} in the topology's folder): the {@code app-service} backend
 * group with every application server and its readiness endpoint, as each web server reads it from
 * {@code foobar.balancing.config-file}.
 *
 * <p>All web servers read the one file; each prefers its own application server, named by its
 * {@code FOOBAR_PREFERRED_APP} ({@code foobar.balancing.preferred}, set by {@link NodeEnvironment}), and the others
 * are its backups, taking requests only while that one is down. Checks every 500 ms, 3 failures in a row take a
 * server out: a killed application server (its port refuses at once) is out within 1.5 s, while a busy one whose
 * readiness answers slowly is given 2 s per check, and a request that finds it gone goes to a backup
 * at once (docs/web-forwarding.md). Reloaded when it changes, like the gateways' {@link GatewayConfigFile}.
 */
public final class WebConfigFile {

    public static final String NAME = "web.yml";

    private WebConfigFile() {
    }

    /** The file's text for a plan. */
    public static String render(TopologyPlan plan) {
        return TopologyFiles.backendGroup("""
                # The web servers' application servers, written by ./foobar up and reloaded by the web servers when it
                # changes. Each web server prefers its own (FOOBAR_PREFERRED_APP); the others are its backups.
                """, "app-service", """
                        algorithm: round-robin
                        health-check:
                          interval: 500ms
                          timeout: 2s
                          fall: 3
                          rise: 2
                """, plan.nodes(NodeRole.APP));
    }

    /** Writes the file for a plan into the topology's folder, in one step so a running web server never reads half. */
    public static Path write(TopologyPlan plan, Path home) {
        return TopologyFiles.write(home, NAME, render(plan));
    }
}
