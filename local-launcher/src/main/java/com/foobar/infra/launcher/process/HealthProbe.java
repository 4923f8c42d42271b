package com.foobar.infra.launcher.process;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.time.Duration;

import com.foobar.infra.launcher.topology.Node;
import com.foobar.infra.mariadb.ReplicationSetup;

/**
 * Tells whether a node is healthy the way its clients would: a service's readiness endpoint answers 200 on its
 * management port; a database accepts connections, and a replica also replicates.
 */
public final class HealthProbe {

    /** Spring Boot's readiness group on the management port; compose and Kubernetes check the same path. */
    public static final String READINESS_PATH = "/actuator/health/readiness";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private final ReplicationSetup replication;

    public HealthProbe(ReplicationSetup replication) {
        this.replication = replication;
    }

    public boolean isHealthy(Node node) {
        return switch (node.role()) {
            case DB_PRIMARY -> acceptsConnections(node);
            case DB_REPLICA -> isReplicating(node.port("mysql"));
            case APP, WEB, GATEWAY -> isReady(node);
        };
    }

    /** Whether a database node accepts connections, replicating or not yet. */
    public boolean acceptsConnections(Node node) {
        return this.replication.isReachable(node.port("mysql"));
    }

    private boolean isReplicating(int port) {
        try {
            return this.replication.isReachable(port) && this.replication.status(port).isReplicating();
        }
        catch (SQLException ex) {
            return false;
        }
    }

    private boolean isReady(Node node) {
        URI readiness = URI.create("http://127.0.0.1:" + node.port("management") + READINESS_PATH);
        try {
            HttpResponse<Void> response = this.http.send(
                    HttpRequest.newBuilder(readiness).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        }
        catch (IOException ex) {
            return false;
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

}
