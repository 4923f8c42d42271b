package com.foobar.infra.launcher.topology;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import com.foobar.infra.mariadb.DatabaseCredentials;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.entry;

class NodeEnvironmentTests {

    private static final DatabaseCredentials CREDENTIALS = new DatabaseCredentials("foobar", "admin", "adminpw1",
            "appuser", "apppw1", "repl", "replpw1");

    private static final Path HOME = Path.of("/home/someone/.foobar");

    private static final Path TLS_DIR = HOME.resolve("tls");

    private static final Path INTERNAL_TLS_DIR = TLS_DIR.resolve("internal");

    private final TopologyPlan plan = TopologyPlan.seedsDefault();

    private final NodeEnvironment environment = new NodeEnvironment(this.plan, CREDENTIALS, HOME);

    @Test
    void shouldGiveAnAppNodeThePrimaryAndEveryReplica() {
        Map<String, String> env = this.environment.of(this.plan.node("app-2"));

        assertThat(env).containsExactly(entry("FOOBAR_NODE_NAME", "app-2"), entry("FOOBAR_TOPOLOGY_HEADERS", "true"),
                entry("FOOBAR_MANAGEMENT_PORT", "8252"), entry("FOOBAR_HTTP_PORT", "8202"),
                entry("FOOBAR_DATASOURCE_USERNAME", "appuser"), entry("FOOBAR_DATASOURCE_PASSWORD", "apppw1"),
                entry("FOOBAR_DATASOURCE_PRIMARY_NAME", "db-primary"),
                entry("FOOBAR_DATASOURCE_PRIMARY_URL",
                        "jdbc:mysql://127.0.0.1:13306/foobar?sslMode=DISABLED&connectTimeout=2000"),
                entry("FOOBAR_DATASOURCE_REPLICAS_0_NAME", "db-replica-1"),
                entry("FOOBAR_DATASOURCE_REPLICAS_0_URL",
                        "jdbc:mysql://127.0.0.1:13307/foobar?sslMode=DISABLED&connectTimeout=2000"),
                entry("FOOBAR_DATASOURCE_REPLICAS_1_NAME", "db-replica-2"),
                entry("FOOBAR_DATASOURCE_REPLICAS_1_URL",
                        "jdbc:mysql://127.0.0.1:13308/foobar?sslMode=DISABLED&connectTimeout=2000"),
                entry("FOOBAR_INTERNAL_TLS_CERTIFICATE", "file:" + INTERNAL_TLS_DIR.resolve("app-2.crt")),
                entry("FOOBAR_INTERNAL_TLS_PRIVATE_KEY", "file:" + INTERNAL_TLS_DIR.resolve("app-2.key")),
                entry("FOOBAR_INTERNAL_TLS_CALLER_CA", "file:" + INTERNAL_TLS_DIR.resolve("web-ca.crt")));
    }

    @Test
    void shouldGiveEachWebNodeAndOnlyWebNodesTheInfrastructureViewsNodeList() {
        for (Node node : this.plan.nodes()) {
            if (!node.role().isDatabase()) {
                Map<String, String> env = this.environment.of(node);

                if (node.role() == NodeRole.WEB) {
                    assertThat(env).containsAllEntriesOf(InfraNodeList.environment(this.plan));
                }
                else {
                    assertThat(env.keySet()).noneMatch((name) -> name.startsWith("FOOBAR_INFRA_"));
                }
            }
        }
    }

    @Test
    void shouldNotGiveTheAdminOrReplicationPasswordToAnAppNode() {
        Map<String, String> env = this.environment.of(this.plan.node("app-1"));

        assertThat(env.values()).doesNotContain("adminpw1", "replpw1");
    }

    @Test
    void shouldGiveAnAppNodeNoReplicasWhenThereAreNone() {
        TopologyPlan plan = new TopologyPlan(1, 0, 0);
        Map<String, String> env = new NodeEnvironment(plan, CREDENTIALS, HOME).of(plan.node("app-1"));

        assertThat(env).containsEntry("FOOBAR_DATASOURCE_PRIMARY_NAME", "db-primary");
        assertThat(env.keySet()).noneMatch((key) -> key.startsWith("FOOBAR_DATASOURCE_REPLICAS_"));
    }

    @Test
    void shouldGiveEachWebNodeTheApplicationServersPreferringTheOneOfTheSameNumber() {
        for (int i = 1; i <= 3; i++) {
            Map<String, String> env = new LinkedHashMap<>(this.environment.of(this.plan.node("web-" + i)));
            env.keySet().removeIf((name) -> name.startsWith("FOOBAR_INFRA_NODES_"));

            assertThat(env).containsExactly(entry("FOOBAR_NODE_NAME", "web-" + i),
                    entry("FOOBAR_TOPOLOGY_HEADERS", "true"), entry("FOOBAR_MANAGEMENT_PORT", String.valueOf(8150 + i)),
                    entry("FOOBAR_HTTP_PORT", String.valueOf(8100 + i)), entry("FOOBAR_SHUTDOWN_DRAIN", "4s"),
                    entry("FOOBAR_WEB_CONFIG", HOME.resolve("web.yml").toString()),
                    entry("FOOBAR_PREFERRED_APP", "app-" + i),
                    entry("FOOBAR_INTERNAL_TLS_CERTIFICATE", "file:" + INTERNAL_TLS_DIR.resolve("web-" + i + ".crt")),
                    entry("FOOBAR_INTERNAL_TLS_PRIVATE_KEY", "file:" + INTERNAL_TLS_DIR.resolve("web-" + i + ".key")),
                    entry("FOOBAR_INTERNAL_TLS_CALLER_CA", "file:" + INTERNAL_TLS_DIR.resolve("gateway-ca.crt")),
                    entry("FOOBAR_INTERNAL_TLS_UPSTREAM_CA", "file:" + INTERNAL_TLS_DIR.resolve("app-ca.crt")));
        }
    }

    @Test
    void shouldGiveBothGatewaysTheSharedPortsTheSiteCertificateTheConfigurationFileAndAClientCertificate() {
        Map<String, String> env = this.environment.of(this.plan.node("gateway-2"));

        assertThat(env).containsExactly(entry("FOOBAR_NODE_NAME", "gateway-2"),
                entry("FOOBAR_TOPOLOGY_HEADERS", "true"), entry("FOOBAR_MANAGEMENT_PORT", "8482"),
                entry("FOOBAR_HTTPS_PORT", "8443"), entry("FOOBAR_HTTP_REDIRECT_PORT", "8080"),
                entry("FOOBAR_TLS_CERTIFICATE", "file:" + TLS_DIR.resolve("www.foobar.com.crt")),
                entry("FOOBAR_TLS_PRIVATE_KEY", "file:" + TLS_DIR.resolve("www.foobar.com.key")),
                entry("FOOBAR_GATEWAY_CONFIG", HOME.resolve("gateway.yml").toString()),
                entry("FOOBAR_INTERNAL_TLS_CERTIFICATE", "file:" + INTERNAL_TLS_DIR.resolve("gateway-2.crt")),
                entry("FOOBAR_INTERNAL_TLS_PRIVATE_KEY", "file:" + INTERNAL_TLS_DIR.resolve("gateway-2.key")),
                entry("FOOBAR_INTERNAL_TLS_UPSTREAM_CA", "file:" + INTERNAL_TLS_DIR.resolve("web-ca.crt")));
    }

    @Test
    void shouldListEveryWebServerWithItsReadinessEndpointInTheGatewayConfiguration() {
        String yaml = GatewayConfigFile.render(new TopologyPlan(2, 1, 1000));

        assertThat(yaml).contains("    groups:\n      web-service:\n        algorithm: round-robin",
                "          - name: web-2\n            uri: https://127.0.0.1:9102\n"
                        + "            health-uri: http://127.0.0.1:9152/actuator/health/readiness")
            .doesNotContain("web-3");
    }

    @Test
    void shouldListEveryApplicationServerOverHttpsWithItsReadinessEndpointInTheWebConfiguration() {
        String yaml = WebConfigFile.render(new TopologyPlan(2, 1, 1000));

        assertThat(yaml).contains("    groups:\n      app-service:\n        algorithm: round-robin\n",
                "          interval: 500ms\n", "          fall: 3\n",
                "          - name: app-2\n            uri: https://127.0.0.1:9202\n"
                        + "            health-uri: http://127.0.0.1:9252/actuator/health/readiness")
            .doesNotContain("app-3");
    }

    @Test
    void shouldApplyThePortOffsetToEveryAddress() {
        TopologyPlan plan = new TopologyPlan(2, 1, 1000);
        NodeEnvironment environment = new NodeEnvironment(plan, CREDENTIALS, HOME);

        assertThat(environment.of(plan.node("gateway-1"))).containsEntry("FOOBAR_HTTPS_PORT", "9443")
            .containsEntry("FOOBAR_MANAGEMENT_PORT", "9481");
        assertThat(environment.of(plan.node("app-1")))
            .containsEntry("FOOBAR_DATASOURCE_PRIMARY_URL",
                    "jdbc:mysql://127.0.0.1:14306/foobar?sslMode=DISABLED&connectTimeout=2000")
            .containsEntry("FOOBAR_DATASOURCE_REPLICAS_0_URL",
                    "jdbc:mysql://127.0.0.1:14307/foobar?sslMode=DISABLED&connectTimeout=2000");
    }

    @Test
    void shouldRefuseADatabaseNode() {
        assertThatIllegalArgumentException().isThrownBy(() -> this.environment.of(this.plan.node("db-primary")))
            .withMessage("db-primary is not a service node");
        assertThatIllegalArgumentException().isThrownBy(() -> this.environment.of(this.plan.node("db-replica-1")))
            .withMessage("db-replica-1 is not a service node");
    }

}
