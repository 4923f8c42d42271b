package com.foobar.infra.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ./foobar up} stopped half-way (Ctrl-C in a terminal; here SIGTERM, which runs the same shutdown path)
 * leaves no process behind and no state file.
 */
class LocalTopologyInterruptTests {

    private static final Pattern STARTED = Pattern.compile("(\\S+)\\s+started, pid (\\d+),");

    private static final Pattern APP_ONE_STARTED = Pattern.compile("app-1\\s+started, pid \\d+,");

    @TempDir
    Path home;

    @Test
    void shouldStopEverythingItStartedWhenInterrupted() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path output = this.home.resolve("launcher.out");
        Process launcher = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                FoobarCommandLine.class.getName(), "up", "--root", System.getProperty("foobar.root", ".."), "--home",
                this.home.resolve("topology").toString(), "--port-offset", "14000")
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .start();
        // The first start after a build trains the JVM start-up caches first, which takes a while on a busy machine.
        Instant deadline = Instant.now().plusSeconds(300);
        List<Long> pids = new ArrayList<>();
        while (!APP_ONE_STARTED.matcher(output(output)).find() && launcher.isAlive()
                && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        launcher.destroy();
        assertThat(launcher.waitFor(60, TimeUnit.SECONDS)).isTrue();
        Matcher started = STARTED.matcher(output(output));
        while (started.find()) {
            pids.add(Long.parseLong(started.group(2)));
        }
        assertThat(pids).as("databases and app-1 started before the interrupt in:%n%s", output(output)).hasSizeGreaterThanOrEqualTo(4);
        assertThat(output(output)).contains("stopping the");
        for (long pid : pids) {
            assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).as("pid %d", pid).isEmpty();
        }
        assertThat(Files.exists(this.home.resolve("topology/run/topology.json"))).isFalse();
    }

    private static String output(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file) : "";
    }

}
