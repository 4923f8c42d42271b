package com.foobar.infra.launcher;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class FoobarCommandLineTests {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @TempDir
    Path home;

    @Test
    void shouldRefuseAnUnknownArgument() {
        int exit = run("status", "--bogus");

        assertThat(exit).isEqualTo(2);
        assertThat(err()).contains("foobar: unknown argument '--bogus'").contains("usage: ./foobar up");
        assertThat(out()).isEmpty();
    }

    @Test
    void shouldRefuseANumberThatIsNotWhole() {
        int exit = run("up", "--servers", "x");

        assertThat(exit).isEqualTo(2);
        assertThat(err()).contains("--servers needs a whole number, got 'x'");
    }

    @Test
    void shouldRefuseAnOptionWithoutItsValue() {
        int exit = run("up", "--replicas");

        assertThat(exit).isEqualTo(2);
        assertThat(err()).contains("--replicas needs a value");
    }

    @Test
    void shouldRefuseServersOutOfRange() {
        int exit = run("up", "--servers", "0");

        assertThat(exit).isEqualTo(2);
        assertThat(err()).contains("--servers must be between 1 and 9, got 0");
        assertThat(this.home).isEmptyDirectory();
    }

    @Test
    void shouldRefuseReplicasAndPortOffsetOutOfRange() {
        assertThat(run("up", "--replicas", "10")).isEqualTo(2);
        assertThat(err()).contains("--replicas must be between 0 and 9, got 10");
        assertThat(run("up", "--port-offset", "-5")).isEqualTo(2);
        assertThat(err()).contains("--port-offset must keep ports below 65536, got -5");
        assertThat(this.home).isEmptyDirectory();
    }

    @Test
    void shouldAskForACommand() {
        int exit = run();

        assertThat(exit).isEqualTo(2);
        assertThat(err()).contains("say up, down, status or seed").contains("usage:");
    }

    @Test
    void shouldSayNothingRunsWhenThereIsNoTopology() {
        int exit = run("status");

        assertThat(exit).isEqualTo(3);
        assertThat(out()).contains("not running");
        assertThat(err()).isEmpty();
    }

    @Test
    void shouldGiveAnEmptyJsonStatusWhenThereIsNoTopology() {
        int exit = run("status", "--json");

        assertThat(exit).isEqualTo(3);
        JsonNode document = JsonMapper.builder().build().readTree(out());
        assertThat(document.propertyNames()).containsExactly("nodes", "url");
        assertThat(document.get("nodes").isArray()).isTrue();
        assertThat(document.get("nodes").isEmpty()).isTrue();
        assertThat(document.get("url").isNull()).isTrue();
        assertThat(err()).isEmpty();
    }

    @Test
    void shouldSayNothingWasRunningOnDownWithoutATopology() {
        int exit = run("down");

        assertThat(exit).isZero();
        assertThat(out()).contains("nothing was running");
        assertThat(err()).isEmpty();
    }

    @Test
    void shouldReportACorruptStateFileAsOneMessage() throws Exception {
        Path state = this.home.resolve("run/topology.json");
        Files.createDirectories(state.getParent());
        Files.writeString(state, "{ not json");

        int exit = run("status");

        assertThat(exit).isEqualTo(1);
        assertThat(err()).contains("foobar: ").contains(state.toString()).contains("is not a topology state file");
        assertThat(run("down")).isEqualTo(1);
        assertThat(err()).contains(state.toString()).contains("is not a topology state file");
        assertThat(state).exists();
    }

    @Test
    void shouldReportARejectedSecretAsAFailedCommandNotAsAUsageError() throws Exception {
        writeEmptyState();
        Files.writeString(this.home.resolve("secrets.properties"), "db.admin.password=hand-edited!\n");

        int exit = run("status");

        assertThat(exit).isEqualTo(1);
        assertThat(err()).startsWith("foobar: Database names, users and passwords may only use")
            .doesNotContain("usage:");
    }

    @Test
    void shouldReportAnUnreadableFileAsOneLineWithoutAStackTrace() throws Exception {
        writeEmptyState();
        Files.createDirectories(this.home.resolve("secrets.properties"));

        int exit = run("status");

        assertThat(exit).isEqualTo(1);
        assertThat(err()).isEqualTo("foobar: Could not read or write " + this.home.resolve("secrets.properties")
                + System.lineSeparator());
    }

    @Test
    void shouldPrintTheUsageOnHelp() {
        for (String help : List.of("--help", "-h", "help")) {
            this.out.reset();

            int exit = run(help);

            assertThat(exit).isZero();
            assertThat(out()).contains(
                    "usage: ./foobar up [--servers N] [--replicas M] [--port-offset K] [--monitoring]",
                    "./foobar down", "./foobar status [--json]", "./foobar seed [--users N] [--posts M]",
                    "--monitoring  also starts Prometheus");
        }
        assertThat(err()).isEmpty();
    }

    @Test
    void shouldRefuseMonitoringBeforeStartingAnythingWhenPrometheusCannotStart() throws Exception {
        // Its port taken (or, where it is not installed, Prometheus itself missing): either way nothing starts.
        try (ServerSocket taken = new ServerSocket(9090 + 23_000, 1, InetAddress.getLoopbackAddress())) {
            int exit = run("up", "--monitoring", "--port-offset", "23000");

            assertThat(exit).isEqualTo(1);
            assertThat(err()).contains("prometheus").contains("Nothing was started.");
            assertThat(this.home).isEmptyDirectory();
        }
    }

    @Test
    void shouldRefuseToSeedWhenNothingRuns() {
        int exit = run("seed", "--users", "3");

        assertThat(exit).isEqualTo(1);
        assertThat(err()).contains("foobar: Nothing to seed: the topology is not running (start it with ./foobar up).");
    }

    @Test
    void shouldRefuseASeedCountThatIsNotWhole() {
        int exit = run("seed", "--posts", "many");

        assertThat(exit).isEqualTo(2);
        assertThat(err()).contains("--posts needs a whole number, got 'many'");
    }

    private void writeEmptyState() throws Exception {
        Path state = this.home.resolve("run/topology.json");
        Files.createDirectories(state.getParent());
        Files.writeString(state, """
                {"servers": 1, "replicas": 0, "portOffset": 0, "url": "https://www.foobar.com:8443/", "nodes": []}
                """);
    }

    private int run(String... args) {
        List<String> words = new ArrayList<>(List.of("--home", this.home.toString(), "--root", this.home.toString()));
        words.addAll(List.of(args));
        this.err.reset();
        return new FoobarCommandLine(new PrintStream(this.out, true, StandardCharsets.UTF_8),
                new PrintStream(this.err, true, StandardCharsets.UTF_8))
            .run(words);
    }

    private String out() {
        return this.out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return this.err.toString(StandardCharsets.UTF_8);
    }

}
