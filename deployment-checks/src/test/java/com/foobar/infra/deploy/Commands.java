package com.foobar.infra.deploy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.opentest4j.TestAbortedException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged tools some checks run ({@code kubectl}, {@code promtool}, {@code buildah}); {@code .ci/run} installs
 * them.
 */
final class Commands {

    /** Set by CI ({@code .ci/run}, and most CI services): a missing tool is then a failure, not a skip. */
    static final boolean CI = !System.getenv().getOrDefault("CI", "").matches("|false|0");

    private Commands() {
    }

    /**
     * The tool's path; where it is not installed the calling check is skipped with {@code reason}, or fails in CI,
     * where a skip would let a broken install turn every check that needs the tool green.
     */
    static Path require(String name, String reason) {
        Path tool = find(name);
        if (tool == null) {
            String message = name + " is not installed (" + reason + ")";
            if (CI) {
                throw new AssertionError(message + "; CI must install it (.ci/run)");
            }
            abort(message);
        }
        return tool;
    }

    /** Skips the calling check, or fails it in CI, for a reason other than a missing tool. */
    static void skipOutsideCi(String reason) {
        if (CI) {
            throw new AssertionError(reason);
        }
        abort(reason);
    }

    private static void abort(String reason) {
        throw new TestAbortedException(reason);
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
        return run(Duration.ofSeconds(60), command);
    }

    static String run(Duration timeout, String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command)).isZero();
        return output;
    }

}
