package com.foobar.infra.launcher.monitoring;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

import com.foobar.infra.launcher.topology.Node;
import com.foobar.infra.launcher.topology.TopologyPlan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped Prometheus files: valid for {@code promtool} (Debian's prometheus package; {@code .ci/run} installs
 * it, elsewhere these checks are skipped with that reason), and the scrape configuration rendered from the
 * launcher's plan, which is also what {@code ./foobar up --monitoring} runs.
 */
class PrometheusConfigurationTests {

    private static final Path DIR = Path.of(System.getProperty("foobar.root", "..")).resolve("monitoring/prometheus");

    private static final Path USR_BIN_PROMETHEUS = Path.of("/usr/bin/prometheus");

    @Test
    void shouldPassPromtoolCheckConfig() throws Exception {
        assertThat(promtool("check", "config", DIR.resolve("prometheus.yml").toString())).contains("SUCCESS");
    }

    @Test
    void shouldPassPromtoolCheckRules() throws Exception {
        assertThat(promtool("check", "rules", DIR.resolve("alerts.yml").toString())).contains("SUCCESS");
    }

    @Test
    void shouldShipTheConfigurationRenderedForTheDefaultTopology() throws Exception {
        // One source of scrape targets: the shipped file is what ./foobar up --monitoring renders for the default plan.
        assertThat(Files.readString(DIR.resolve("prometheus.yml")))
            .isEqualTo(PrometheusConfig.render(TopologyPlan.seedsDefault(), "alerts.yml"));
    }

    @Test
    void shouldScrapeEveryServiceNodeOnItsManagementPort() {
        TopologyPlan plan = new TopologyPlan(2, 1, 1000);
        String yaml = PrometheusConfig.render(plan, "/rules/alerts.yml");
        for (Node node : plan.nodes()) {
            if (node.role().isDatabase()) {
                assertThat(yaml).doesNotContain(node.name());
            }
            else {
                assertThat(yaml).contains("- targets: [\"127.0.0.1:" + node.port("management")
                        + "\"]\n        labels: {node: " + node.name() + "}");
            }
        }
        assertThat(yaml).contains("job_name: gateway", "job_name: web", "job_name: app", "- /rules/alerts.yml");
    }

    @Test
    void shouldFindPrometheusOnThePathBeforeUsrBin(@TempDir Path dir) throws Exception {
        Path fake = Files.createFile(dir.resolve("prometheus"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));

        assertThat(PrometheusServer.find("/nonexistent" + File.pathSeparator + dir)).hasValue(fake);
        assertThat(PrometheusServer.find(null)).isEqualTo(
                Files.isExecutable(USR_BIN_PROMETHEUS) ? Optional.of(USR_BIN_PROMETHEUS) : Optional.empty());
    }

    private static String promtool(String... arguments) throws Exception {
        return InstalledTool.run("promtool", "prometheus", arguments);
    }

}
