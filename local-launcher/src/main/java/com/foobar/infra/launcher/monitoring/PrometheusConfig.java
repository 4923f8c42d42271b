package com.foobar.infra.launcher.monitoring;

import java.util.List;

import com.foobar.infra.launcher.topology.Node;
import com.foobar.infra.launcher.topology.NodeRole;
import com.foobar.infra.launcher.topology.TopologyPlan;

/**
 * The Prometheus configuration for a topology plan: one scrape job per service tier ({@code job} = role), one
 * target per node on its management port, labelled with the node's name.
 *
 * <p>It is the only source of scrape targets: {@code ./foobar up --monitoring} renders it for the plan it starts,
 * and the shipped {@code monitoring/prometheus/prometheus.yml} is its rendering of the default plan (a test keeps
 * them equal).
 */
public final class PrometheusConfig {

    private static final List<NodeRole> TIERS = List.of(NodeRole.GATEWAY, NodeRole.WEB, NodeRole.APP);

    // The router tags its meters with the database node as `node`, which the target's own `node` label takes over
    // (Prometheus keeps the scraped one as `exported_node`); here it becomes `db_node`, a name that says what it is.
    private static final String REPLICA_LABEL = """
                metric_relabel_configs:
                  - source_labels: [exported_node]
                    regex: (.+)
                    target_label: db_node
                  - regex: exported_node
                    action: labeldrop
            """;

    private PrometheusConfig() {
    }

    /**
     * @param plan the topology to scrape
     * @param rulesFile the alert rules, as Prometheus should find them (relative to the configuration's folder, or
     * absolute)
     */
    public static String render(TopologyPlan plan, String rulesFile) {
        StringBuilder yaml = new StringBuilder("""
                # Prometheus scraping a local topology of `./foobar up`, every service node on its management port.
                # Rendered by PrometheusConfig from the launcher's plan (here the default one); do not edit by hand.
                global:
                  scrape_interval: 5s
                  evaluation_interval: 5s

                rule_files:
                  - %s

                alerting:
                  alertmanagers:
                    - static_configs:
                        - targets: ["127.0.0.1:9093"]

                scrape_configs:""".formatted(rulesFile));
        for (NodeRole tier : TIERS) {
            yaml.append("""

                      - job_name: %s
                        metrics_path: /actuator/prometheus
                        static_configs:
                    """.formatted(tier.jsonName()));
            for (Node node : plan.nodes(tier)) {
                yaml.append("""
                              - targets: ["127.0.0.1:%d"]
                                labels: {node: %s}
                        """.formatted(node.port("management"), node.name()));
            }
            if (tier == NodeRole.APP) {
                yaml.append(REPLICA_LABEL);
            }
        }
        return yaml.toString();
    }

}
