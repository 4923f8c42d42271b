package com.foobar.infra.launcher.topology;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.foobar.infra.launcher.tls.InternalCertificateAuthorities;
import com.foobar.infra.mariadb.DatabaseCredentials;
import com.foobar.infra.mariadb.MariaDbServer;

/**
 * The environment variables each service node is started with: the one place where the launcher meets the
 * services' configuration ({@code application.yml} placeholders and {@code foobar.*} properties).
 *
 * <p>Web server N forwards to application server N, as in the seeds, where each server runs both tiers, and to the
 * others while that one is down ({@link WebConfigFile}). Calls
 * between tiers are HTTPS with mutual TLS: each node presents its own certificate and trusts only the CA of the
 * tier that may call it ({@code _CALLER_CA}) and of the tier it calls ({@code _UPSTREAM_CA}).
 */
public final class NodeEnvironment {

    // The gateway has no caller CA: its public side keeps the site certificate, and anyone may call it.
    private static final Map<NodeRole, NodeRole> CALLER = Map.of(NodeRole.WEB, NodeRole.GATEWAY, NodeRole.APP,
            NodeRole.WEB);

    private static final Map<NodeRole, NodeRole> UPSTREAM = Map.of(NodeRole.GATEWAY, NodeRole.WEB, NodeRole.WEB,
            NodeRole.APP);

    private final TopologyPlan plan;

    private final DatabaseCredentials credentials;

    private final Path tlsDir;

    private final Path gatewayConfig;

    private final Path webConfig;

    private final InternalCertificateAuthorities internalTls;

    /**
     * @param home the topology's folder, holding {@code tls/}, the gateways' {@link GatewayConfigFile} and the web
     *     servers' {@link WebConfigFile}
     */
    public NodeEnvironment(TopologyPlan plan, DatabaseCredentials credentials, Path home) {
        this.plan = plan;
        this.credentials = credentials;
        this.tlsDir = home.resolve("tls");
        this.gatewayConfig = home.resolve(GatewayConfigFile.NAME);
        this.webConfig = home.resolve(WebConfigFile.NAME);
        this.internalTls = new InternalCertificateAuthorities(this.tlsDir);
    }

    public Map<String, String> of(Node node) {
        if (node.role().isDatabase()) {
            throw new IllegalArgumentException(node.name() + " is not a service node");
        }
        Map<String, String> env = new LinkedHashMap<>();
        env.put("FOOBAR_NODE_NAME", node.name());
        env.put("FOOBAR_TOPOLOGY_HEADERS", "true");
        env.put("FOOBAR_MANAGEMENT_PORT", String.valueOf(node.port("management")));
        switch (node.role()) {
            case APP -> app(node, env);
            case WEB -> web(node, env);
            case GATEWAY -> gateway(node, env);
            default -> throw new IllegalArgumentException(node.name() + " is not a service node");
        }
        internalTls(node, env);
        return env;
    }

    private void internalTls(Node node, Map<String, String> env) {
        env.put("FOOBAR_INTERNAL_TLS_CERTIFICATE", "file:" + this.internalTls.certificate(node.name()));
        env.put("FOOBAR_INTERNAL_TLS_PRIVATE_KEY", "file:" + this.internalTls.privateKey(node.name()));
        if (CALLER.containsKey(node.role())) {
            env.put("FOOBAR_INTERNAL_TLS_CALLER_CA", "file:" + caCertificate(CALLER.get(node.role())));
        }
        if (UPSTREAM.containsKey(node.role())) {
            env.put("FOOBAR_INTERNAL_TLS_UPSTREAM_CA", "file:" + caCertificate(UPSTREAM.get(node.role())));
        }
    }

    private Path caCertificate(NodeRole tier) {
        return this.internalTls.caCertificate(tier.jsonName());
    }

    private void app(Node node, Map<String, String> env) {
        env.put("FOOBAR_HTTP_PORT", String.valueOf(node.port("http")));
        env.put("FOOBAR_DATASOURCE_USERNAME", this.credentials.appUser());
        env.put("FOOBAR_DATASOURCE_PASSWORD", this.credentials.appPassword());
        Node primary = this.plan.node("db-primary");
        env.put("FOOBAR_DATASOURCE_PRIMARY_NAME", primary.name());
        env.put("FOOBAR_DATASOURCE_PRIMARY_URL", jdbcUrl(primary));
        List<Node> replicas = this.plan.nodes(NodeRole.DB_REPLICA);
        for (int i = 0; i < replicas.size(); i++) {
            env.put("FOOBAR_DATASOURCE_REPLICAS_" + i + "_NAME", replicas.get(i).name());
            env.put("FOOBAR_DATASOURCE_REPLICAS_" + i + "_URL", jdbcUrl(replicas.get(i)));
        }
    }

    private void web(Node node, Map<String, String> env) {
        env.put("FOOBAR_HTTP_PORT", String.valueOf(node.port("http")));
        // Longer than the gateways' health checks take to notice (interval 1 s x fall 2, GatewayConfigFile).
        env.put("FOOBAR_SHUTDOWN_DRAIN", "4s");
        env.put("FOOBAR_WEB_CONFIG", this.webConfig.toString());
        env.put("FOOBAR_PREFERRED_APP", this.plan.node("app-" + node.index()).name());
        // What the infrastructure view (/infra) polls and draws.
        env.putAll(InfraNodeList.environment(this.plan));
    }

    private void gateway(Node node, Map<String, String> env) {
        env.put("FOOBAR_HTTPS_PORT", String.valueOf(node.port("https")));
        env.put("FOOBAR_HTTP_REDIRECT_PORT", String.valueOf(node.port("http")));
        env.put("FOOBAR_TLS_CERTIFICATE", "file:" + this.tlsDir.resolve("www.foobar.com.crt"));
        env.put("FOOBAR_TLS_PRIVATE_KEY", "file:" + this.tlsDir.resolve("www.foobar.com.key"));
        env.put("FOOBAR_GATEWAY_CONFIG", this.gatewayConfig.toString());
    }

    /** Where a web or application node serves its tier, as the tier in front of it calls it: HTTPS, mutual TLS. */
    static String serviceUrl(Node node) {
        return "https://127.0.0.1:" + node.port("http");
    }

    private String jdbcUrl(Node database) {
        return MariaDbServer.jdbcUrl(database.port("mysql"), this.credentials.database());
    }

}
