package com.foobar.infra.launcher.monitoring;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped Alertmanager routing example: valid for {@code amtool} (Debian's prometheus-alertmanager package;
 * {@code .ci/run} installs it, elsewhere these checks are skipped with that reason), and routing each severity the
 * alert rules use to the receiver meant for it.
 */
class AlertmanagerConfigurationTests {

    private static final Path CONFIG = Path.of(System.getProperty("foobar.root", ".."))
        .resolve("monitoring/alertmanager/alertmanager.yml");

    @Test
    void shouldPassAmtoolCheckConfig() throws Exception {
        assertThat(amtool("check-config", CONFIG.toString())).contains("SUCCESS").contains("3 inhibit rules");
    }

    @Test
    void shouldPageForPageAlertsAndFileTicketsForTheRest() throws Exception {
        assertThat(route("alertname=NodeDown", "severity=page")).isEqualTo("on-call");
        assertThat(route("alertname=ReplicaLagging", "severity=ticket")).isEqualTo("tickets");
        assertThat(route("alertname=Unexpected")).isEqualTo("tickets");
    }

    @Test
    void shouldOnlyUseSeveritiesTheRoutesKnow() throws Exception {
        String rules = Files.readString(CONFIG.resolveSibling("../prometheus/alerts.yml").normalize());
        assertThat(rules.lines().filter((line) -> line.contains("severity:")))
            .isNotEmpty()
            .allSatisfy((line) -> assertThat(line).containsAnyOf("{severity: page}", "{severity: ticket}"));
    }

    private static String route(String... labels) throws Exception {
        List<String> arguments = new ArrayList<>(List.of("config", "routes", "test", "--config.file=" + CONFIG));
        arguments.addAll(List.of(labels));
        return amtool(arguments.toArray(String[]::new)).lines()
            .filter((line) -> !line.startsWith("Warning:"))
            .reduce("", String::concat)
            .strip();
    }

    private static String amtool(String... arguments) throws Exception {
        return InstalledTool.run("amtool", "prometheus-alertmanager", arguments);
    }

}
