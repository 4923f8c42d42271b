package com.foobar.infra.launcher.monitoring;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.foobar.infra.launcher.topology.Node;
import com.foobar.infra.launcher.topology.NodeRole;
import com.foobar.infra.launcher.topology.TopologyPlan;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * The shipped Prometheus files: valid for {@code promtool} (Debian's prometheus package; {@code .ci/run} installs
 * it, elsewhere these checks are skipped with that reason), and scraping exactly the management ports of the
 * default local topology.
 */
class PrometheusConfigurationTests {

    private static final Path DIR = Path.of(System.getProperty("foobar.root", "..")).resolve("monitoring/prometheus");

    private static final Pattern TARGET = Pattern.compile("\"127\\.0\\.0\\.1:(\\d+)\"\\]\\s*\\n\\s*labels: \\{node: ([a-z0-9-]+)\\}");

    @Test
    void shouldPassPromtoolCheckConfig() throws Exception {
        assertThat(promtool("check", "config", DIR.resolve("prometheus.yml").toString())).contains("SUCCESS");
    }

    @Test
    void shouldPassPromtoolCheckRules() throws Exception {
        assertThat(promtool("check", "rules", DIR.resolve("alerts.yml").toString())).contains("SUCCESS");
    }

    @Test
    void shouldScrapeEveryServiceNodeOfTheDefaultTopologyOnItsManagementPort() throws Exception {
        List<String> scraped = new ArrayList<>();
        Matcher target = TARGET.matcher(Files.readString(DIR.resolve("prometheus.yml")));
        while (target.find()) {
            scraped.add(target.group(2) + "=" + target.group(1));
        }
        List<String> expected = TopologyPlan.seedsDefault()
            .nodes()
            .stream()
            .filter((node) -> !node.role().isDatabase())
            .map((Node node) -> node.name() + "=" + node.port("management"))
            .toList();
        assertThat(scraped).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(expected).anyMatch((node) -> node.startsWith(NodeRole.GATEWAY.jsonName()));
    }

    private static String promtool(String... arguments) throws Exception {
        Path promtool = Path.of("/usr/bin/promtool");
        assumeThat(Files.isExecutable(promtool)).as("promtool is not installed (apt-get install prometheus)").isTrue();
        List<String> command = new ArrayList<>(List.of(promtool.toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

}
