package com.foobar.infra.deploy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

import static org.assertj.core.api.Assertions.assertThat;

/** The packaged tools some checks run ({@code kubectl}, {@code promtool}); {@code .ci/run} installs them. */
final class Commands {

    private Commands() {
    }

    /** The tool's path, {@code null} when it is not installed. */
    static @Nullable Path find(String name) {
        return Stream.of("/usr/bin/", "/usr/local/bin/")
            .map((dir) -> Path.of(dir + name))
            .filter(Files::isExecutable)
            .findFirst()
            .orElse(null);
    }

    /** Runs a command to completion and returns its output, failing the check if it fails. */
    static String run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command)).isZero();
        return output;
    }

}
