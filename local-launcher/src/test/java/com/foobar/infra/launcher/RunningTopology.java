package com.foobar.infra.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import com.foobar.infra.launcher.topology.TopologyPlan;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The topology the end-to-end test classes share: started once per test run, through the same code as
 * {@code ./foobar up} (3 servers, 2 replicas, ports shifted by {@code foobar.e2e.port-offset}, 11000 by default),
 * and stopped with its folder deleted when the run ends. Starting seven JVMs costs half a minute, so the classes
 * that only read from it do not each start their own.
 */
final class RunningTopology implements BeforeAllCallback {

    static final int PORT_OFFSET = Integer.getInteger("foobar.e2e.port-offset", 11_000);

    static final TopologyPlan PLAN = new TopologyPlan(3, 2, PORT_OFFSET);

    static final Path ROOT = Path.of(System.getProperty("foobar.root", "..")).toAbsolutePath();

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace
        .create(RunningTopology.class);

    private Started started;

    @Override
    public void beforeAll(ExtensionContext context) {
        this.started = context.getRoot()
            .getStore(NAMESPACE)
            .computeIfAbsent(Started.class, (key) -> Started.up(), Started.class);
    }

    LocalTopology topology() {
        return this.started.topology();
    }

    Path home() {
        return this.started.home();
    }

    String site() {
        return this.started.site();
    }

    private record Started(Path home, LocalTopology topology, String site) implements AutoCloseable {

        static Started up() {
            try {
                Path home = Files.createTempDirectory("foobar-e2e-");
                LocalTopology topology = new LocalTopology(ROOT, home, System.out);
                try {
                    return new Started(home, topology, topology.up(PLAN).url());
                }
                catch (RuntimeException ex) {
                    delete(home);
                    throw ex;
                }
            }
            catch (IOException ex) {
                throw new IllegalStateException(ex);
            }
        }

        @Override
        public void close() throws IOException {
            try {
                this.topology.down();
            }
            finally {
                delete(this.home);
            }
        }

        private static void delete(Path dir) throws IOException {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            }
        }

    }

}
