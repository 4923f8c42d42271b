package com.foobar.infra.launcher;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code ./foobar up} with a port of the topology already taken by someone else. */
class LocalTopologyPortConflictTests {

    @TempDir
    Path home;

    @Test
    void shouldNameThePortAndTheNodeAndStartNothing() throws Exception {
        int offset = 12_000;
        int webTwo = 8102 + offset;
        try (ServerSocket squatter = new ServerSocket()) {
            squatter.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), webTwo));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int exit = new FoobarCommandLine(new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(List.of("up", "--root", Path.of(System.getProperty("foobar.root", "..")).toString(), "--home",
                        this.home.toString(), "--port-offset", String.valueOf(offset)));
            assertThat(exit).isEqualTo(1);
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("Port " + webTwo + " (web-2, http)")
                .contains("already in use");
            assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("started, pid");
            assertThat(Files.exists(this.home.resolve("run/topology.json"))).isFalse();
        }
    }

}
