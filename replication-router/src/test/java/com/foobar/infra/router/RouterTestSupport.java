package com.foobar.infra.router;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.foobar.infra.mariadb.DatabaseCredentials;
import com.foobar.infra.mariadb.MariaDbServer;
import com.foobar.infra.mariadb.ReplicatedCluster;
import com.foobar.infra.router.config.ReplicationHealthAutoConfiguration;
import com.foobar.infra.router.config.ReplicationRouterAutoConfiguration;
import com.foobar.infra.router.config.ReplicationRouterMetricsAutoConfiguration;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

/**
 * What the tests on real replication share: their cluster's accounts, starting it, and an application context
 * with the router auto-configured over every node of it, as an application would have it.
 */
final class RouterTestSupport {

    static final DatabaseCredentials CREDENTIALS = new DatabaseCredentials("foobar", "admin", "adminpw1", "app",
            "apppw1", "repl", "replpw1");

    private RouterTestSupport() {
    }

    static ReplicatedCluster startCluster(Path dir, int basePort, int replicas) {
        return ReplicatedCluster.start(Path.of("..", ".foobar").toAbsolutePath(), dir, basePort, replicas,
                CREDENTIALS);
    }

    /**
     * A started context with the router over {@code cluster}, the {@code configurations} given, and
     * {@code properties} on top of the node list.
     */
    static AnnotationConfigApplicationContext router(ReplicatedCluster cluster, List<Class<?>> configurations,
            String... properties) {
        List<String> values = new ArrayList<>(List.of("foobar.datasource.username=" + CREDENTIALS.appUser(),
                "foobar.datasource.password=" + CREDENTIALS.appPassword(), "foobar.datasource.primary.name=db-primary",
                "foobar.datasource.primary.url=" + cluster.applicationUrl(cluster.primary())));
        for (int i = 0; i < cluster.replicas().size(); i++) {
            MariaDbServer replica = cluster.replicas().get(i);
            values.add("foobar.datasource.replicas[" + i + "].name=" + replica.name());
            values.add("foobar.datasource.replicas[" + i + "].url=" + cluster.applicationUrl(replica));
        }
        values.addAll(List.of(properties));
        AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
        TestPropertyValues.of(values).applyTo(context);
        // The router's auto-configurations that apply outside a web application, the router's first so that the
        // others find its beans.
        context.register(ReplicationRouterAutoConfiguration.class, ReplicationHealthAutoConfiguration.class,
                ReplicationRouterMetricsAutoConfiguration.class);
        configurations.forEach(context::register);
        context.refresh();
        return context;
    }

}
