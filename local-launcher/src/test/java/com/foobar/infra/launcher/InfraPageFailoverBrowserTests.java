package com.foobar.infra.launcher;

import java.io.PrintStream;
import java.nio.file.Path;

import com.foobar.infra.launcher.topology.TopologyPlan;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * What the issue promises someone watching {@code /infra}: kill {@code app-2} and its node turns down within 10 s.
 * Its own topology, since the test takes a node away: ports shifted by 500 more than the shared one's
 * ({@code foobar.e2e.port-offset} + 500), a distance at which no two of the two topologies' ports meet.
 */
class InfraPageFailoverBrowserTests {

    private static final TopologyPlan PLAN = new TopologyPlan(3, 2, RunningTopology.PORT_OFFSET + 500);

    @RegisterExtension
    static final HeadlessChromium chromium = new HeadlessChromium();

    @TempDir
    static Path home;

    static LocalTopology topology;

    @AfterAll
    static void down() {
        if (topology != null) {
            topology.down();
        }
    }

    @Test
    void shouldShowAKilledApplicationServerAsDownWithinTenSeconds() {
        // Started here rather than before all, so that a machine without Chromium skips the test before it starts.
        topology = new LocalTopology(RunningTopology.ROOT, home, new PrintStream(System.out));
        String site = topology.up(PLAN).url();
        chromium.trust(topology.caCertificate().getParent());
        chromium.browser().get(site + "infra");
        chromium.await().until(ExpectedConditions.attributeToBe(By.cssSelector("[data-node=\"app-2\"]"),
                "data-health", "up"));
        chromium.screenshot("app-2-up");

        NodeProcesses.kill(topology, "app-2");

        chromium.await().until(ExpectedConditions.attributeToBe(By.cssSelector("[data-node=\"app-2\"]"),
                "data-health", "down"));
        chromium.screenshot("app-2-down");
    }

}
