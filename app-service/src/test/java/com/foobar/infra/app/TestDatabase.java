package com.foobar.infra.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import com.foobar.infra.mariadb.DatabaseCredentials;
import com.foobar.infra.mariadb.MariaDbServer;
import com.foobar.infra.mariadb.ReplicatedCluster;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The real database the API tests run against: a MariaDB primary and one replica with GTID replication, from
 * the same binaries as the local topology, started once per test JVM on ports 26406-26407 (or from
 * {@code foobar.test.database-port}) and removed when it ends.
 *
 * <p>A real replica, so that reads go where they go in production and a test that reads its own write right after
 * it relies on read-your-writes, as a browser does.
 */
public final class TestDatabase {

    private static final DatabaseCredentials CREDENTIALS = new DatabaseCredentials("foobar", "admin", "adminpw1",
            "app", "apppw1", "repl", "replpw1");

    // Another checkout's tests on the same machine can take other ports: -Dfoobar.test.database-port=...
    private static final int BASE_PORT = Integer.getInteger("foobar.test.database-port", 26_406);

    private static ReplicatedCluster cluster;

    private TestDatabase() {
    }

    /** Points the application's {@code foobar.datasource} at the test cluster, starting it on first use. */
    public static void register(DynamicPropertyRegistry registry) {
        ReplicatedCluster cluster = cluster();
        registry.add("foobar.datasource.username", CREDENTIALS::appUser);
        registry.add("foobar.datasource.password", CREDENTIALS::appPassword);
        registry.add("foobar.datasource.primary.name", () -> "db-primary");
        registry.add("foobar.datasource.primary.url", () -> cluster.applicationUrl(cluster.primary()));
        MariaDbServer replica = cluster.replicas().getFirst();
        registry.add("foobar.datasource.replicas[0].name", replica::name);
        registry.add("foobar.datasource.replicas[0].url", () -> cluster.applicationUrl(replica));
    }

    private static synchronized ReplicatedCluster cluster() {
        if (cluster == null) {
            try {
                Path dir = Files.createTempDirectory("app-service-db-");
                cluster = ReplicatedCluster.start(Path.of("..", ".foobar").toAbsolutePath(), dir, BASE_PORT, 1,
                        CREDENTIALS);
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    cluster.close();
                    delete(dir);
                }, "test-database-stop"));
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
        return cluster;
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
        catch (IOException ex) {
            // Only a temporary folder is left behind.
        }
    }
}
