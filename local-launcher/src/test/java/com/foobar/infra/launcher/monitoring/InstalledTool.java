package com.foobar.infra.launcher.monitoring;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * A checking tool from a Debian package ({@code promtool}, {@code amtool}), run to success for its output. Where it
 * is not installed the calling test is skipped, with the package to install as the reason.
 */
final class InstalledTool {

    private InstalledTool() {
    }

    static String run(String name, String debianPackage, String... arguments) throws Exception {
        Path tool = Path.of("/usr/bin", name);
        assumeThat(Files.isExecutable(tool)).as("%s is not installed (apt-get install %s)", name, debianPackage)
            .isTrue();
        List<String> command = new ArrayList<>(List.of(tool.toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

}
