package com.foobar.infra.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.convert.DurationStyle;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code docker-compose.yml}: the seeds' firewalls, health-gated start-up, secrets as files, pinned images. */
class ComposeFileTests {

    private static final Pattern SCRAPE_TARGET = Pattern.compile("\"([a-z0-9-]+):(\\d+)\"");

    private static final Pattern SUBPATH = Pattern.compile("(\\{type: [^{}]*?),\\s*volume: \\{subpath: [^}]*\\}\\}",
            Pattern.DOTALL);

    private final ComposeFile compose = new ComposeFile("docker-compose.yml");

    @Test
    void shouldPublishOnlyPorts80And443AndOnlyOnTheActiveGateway() {
        Map<String, String> gateway = RepositoryFiles.serviceEnvironment("gateway-service");
        this.compose.services().forEach((name, service) -> {
            if (!name.equals("gateway-1")) {
                assertThat(service).as(name).doesNotContainKey("ports");
            }
        });
        assertThat(this.compose.list("gateway-1", "ports")).containsExactlyInAnyOrder(
                "80:" + gateway.get("FOOBAR_HTTP_REDIRECT_PORT"), "443:" + gateway.get("FOOBAR_HTTPS_PORT"));
    }

    @Test
    void shouldMoveTheSamePortsToTheStandbyGatewayOnFailover() {
        ComposeFile failover = new ComposeFile("docker/gateway-failover.yml");
        assertThat(failover.services()).containsOnlyKeys("gateway-1", "gateway-2");
        assertThat(failover.list("gateway-2", "ports")).isEqualTo(this.compose.list("gateway-1", "ports"));
        // !reset: compose drops gateway-1's ports instead of merging the lists.
        assertThat(failover.service("gateway-1")).containsEntry("ports", null);
    }

    @Test
    void shouldHealthCheckEveryServiceThatKeepsRunning() {
        Set<String> oneShot = new TreeSet<>();
        this.compose.services().forEach((name, service) -> dependencies(service).forEach((dependency, condition) -> {
            assertThat(condition).as("%s waits for %s", name, dependency)
                .isIn("service_healthy", "service_completed_successfully");
            assertThat(this.compose.services()).as("%s waits for %s", name, dependency).containsKey(dependency);
            if (condition.equals("service_completed_successfully")) {
                oneShot.add(dependency);
            }
        }));
        assertThat(oneShot).containsExactly("init");
        this.compose.services().forEach((name, service) -> {
            if (!oneShot.contains(name)) {
                assertThat(service).as(name).containsKey("healthcheck");
            }
        });
    }

    @Test
    void shouldPutOnlyTheGatewaysOnThePublicNetworkAndKeepTheBackendInternal() {
        this.compose.services().forEach((name, service) -> {
            List<String> networks = this.compose.list(name, "networks");
            if (name.startsWith("gateway-")) {
                assertThat(networks).as(name).containsExactlyInAnyOrder("public", "backend");
            }
            else if (!"none".equals(service.get("network_mode"))) {
                assertThat(networks).as(name).containsExactly("backend");
            }
        });
        assertThat(this.compose.section("networks")).containsOnlyKeys("public", "backend");
        assertThat(this.compose.section("networks").get("backend")).isEqualTo(Map.of("internal", true));
    }

    @Test
    void shouldPassPasswordsAsFilesNeverAsVariables() {
        for (String name : this.compose.services().keySet()) {
            this.compose.environment(name).forEach((variable, value) -> {
                if (variable.contains("PASSWORD")) {
                    assertThat(variable).as(name).endsWith("_FILE");
                    assertThat(value).as(name).startsWith("/run/secrets/");
                }
            });
        }
    }

    @Test
    void shouldScrapeEveryServiceContainerOnItsManagementPort() {
        List<String> expected = new ArrayList<>();
        this.compose.serviceContainers().forEach((name, service) -> expected
            .add(name + ":" + this.compose.environment(name).get("FOOBAR_MANAGEMENT_PORT")));
        List<String> scraped = new ArrayList<>();
        Matcher target = SCRAPE_TARGET.matcher(RepositoryFiles.read("monitoring/prometheus/prometheus-compose.yml"));
        while (target.find()) {
            scraped.add(target.group(1) + ":" + target.group(2));
        }
        scraped.remove("alertmanager:9093");
        assertThat(scraped).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void shouldGivePrometheusAConfigurationPromtoolAccepts() throws Exception {
        Path promtool = Commands.require("promtool", "apt-get install prometheus");
        assertThat(Commands.run(promtool.toString(), "check", "config",
                RepositoryFiles.path("monitoring/prometheus/prometheus-compose.yml").toString()))
            .contains("SUCCESS");
    }

    /**
     * Debian's docker-compose (1.29) validates the file against its own copy of the Compose schema and resolves it
     * as Compose does (anchors, merge keys, interpolation, extends). It predates two things the file uses, which are
     * taken out of a copy first and checked here instead: the top-level {@code name} and volume subpaths (Compose
     * 2.27 and Engine 26, docs/deploy.md), allowed only on mounts of named volumes.
     */
    @Test
    void shouldBeAFileComposeAccepts(@TempDir Path folder) throws Exception {
        Path compose = Commands.require("docker-compose", "apt-get install --no-install-recommends docker-compose");
        String file = RepositoryFiles.read("docker-compose.yml");
        assertThat(file).contains("\nname: foobar\n");
        Matcher subpath = SUBPATH.matcher(file);
        StringBuilder older = new StringBuilder();
        while (subpath.find()) {
            assertThat(subpath.group()).startsWith("{type: volume, source: ");
            subpath.appendReplacement(older, Matcher.quoteReplacement(subpath.group(1) + "}"));
        }
        subpath.appendTail(older);
        assertThat(older).doesNotContain("subpath");
        Path copy = folder.resolve("docker-compose.yml");
        Files.writeString(copy, older.toString().replace("\nname: foobar\n", "\n"));
        Commands.run(compose.toString(), "--project-directory", RepositoryFiles.ROOT.toString(), "--file",
                copy.toString(), "config", "--quiet");
    }

    @Test
    void shouldGiveEveryServiceTimeToDrainAndShutDownGracefullyBeforeDockerKillsIt() {
        this.compose.serviceContainers().forEach((name, service) -> {
            Duration grace = DurationStyle.detectAndParse(String.valueOf(this.compose.service(name)
                .getOrDefault("stop_grace_period", "10s")));
            assertThat(grace).as(name)
                .isGreaterThan(ServiceConfiguration.shutdownTime(service, this.compose.environment(name)));
        });
    }

    @Test
    void shouldBindMountOnlyWhatTheRepositoryHas() {
        this.compose.services().keySet().forEach((name) -> this.compose.volumes(name).forEach((volume) -> {
            if ("bind".equals(volume.get("type"))) {
                assertThat(RepositoryFiles.path(String.valueOf(volume.get("source")))).as(name).exists();
            }
        }));
    }

    @Test
    void shouldProvisionGrafanaWithTheLocalDashboardsAndTheComposePrometheus() {
        Map<String, Object> local = RepositoryFiles.yaml("monitoring/grafana/provisioning/datasources/prometheus.yml");
        Map<String, Object> composed = RepositoryFiles.yaml("docker/grafana/datasources/prometheus.yml");
        Map<String, Object> source = datasource(composed);
        assertThat(source).containsEntry("url", "http://prometheus:9090");
        assertThat(this.compose.services()).containsKey("prometheus");
        Map<String, Object> localSource = new LinkedHashMap<>(datasource(local));
        localSource.put("url", source.get("url"));
        assertThat(source).isEqualTo(localSource);
        assertThat(this.compose.volumes("grafana")).anySatisfy((volume) -> assertThat(volume)
            .containsEntry("source", "./docker/grafana/datasources")
            .containsEntry("target", "/etc/grafana/provisioning/datasources"));
        // The dashboard provider reads ${FOOBAR_ROOT}/monitoring/grafana/dashboards.
        String dashboards = this.compose.environment("grafana").get("FOOBAR_ROOT") + "/monitoring/grafana/dashboards";
        assertThat(RepositoryFiles.read("monitoring/grafana/provisioning/dashboards/foobar.yml"))
            .contains("path: ${FOOBAR_ROOT}/monitoring/grafana/dashboards");
        assertThat(this.compose.volumes("grafana")).anySatisfy((volume) -> assertThat(volume)
            .containsEntry("source", "./monitoring/grafana/dashboards")
            .containsEntry("target", dashboards));
    }

    @Test
    void shouldRelabelTheApplicationServersMetricsAsTheLocalPrometheusDoes() {
        assertThat(scrapeJob("monitoring/prometheus/prometheus-compose.yml", "app").get("metric_relabel_configs"))
            .isNotNull()
            .isEqualTo(scrapeJob("monitoring/prometheus/prometheus.yml", "app").get("metric_relabel_configs"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> datasource(Map<String, Object> provisioning) {
        return ((List<Map<String, Object>>) provisioning.get("datasources")).getFirst();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> scrapeJob(String file, String job) {
        return ((List<Map<String, Object>>) RepositoryFiles.yaml(file).get("scrape_configs")).stream()
            .filter((config) -> job.equals(config.get("job_name")))
            .findFirst()
            .orElseThrow();
    }

    @Test
    void shouldPinEveryImage() {
        this.compose.services().forEach((name, service) -> {
            String image = String.valueOf(service.get("image"));
            if (image.startsWith("foobar/")) {
                assertThat(image).as(name).endsWith(":" + ProjectVersion.get());
            }
            else {
                assertThat(image).as(name).matches("[a-z/]+:v?\\d+\\.\\d+\\.\\d+@sha256:[0-9a-f]{64}");
            }
        });
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> dependencies(Map<String, Object> service) {
        Map<String, Map<String, String>> dependsOn = (Map<String, Map<String, String>>) service
            .getOrDefault("depends_on", Map.of());
        Map<String, String> conditions = new LinkedHashMap<>();
        dependsOn.forEach((dependency, options) -> conditions.put(dependency, options.get("condition")));
        return conditions;
    }

}
