package com.foobar.infra.launcher.process;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Starts a node as a process that outlives the launcher: its own session (so a later Ctrl-C or a closed
 * terminal does not reach it), no standard input, its output appended to the node's log file.
 */
public final class ProcessStarter {

    private static final Path SETSID = Path.of("/usr/bin/setsid");

    private final Path workingDir;

    public ProcessStarter(Path workingDir) {
        this.workingDir = workingDir;
    }

    public Process start(List<String> command, Map<String, String> environment, Path logFile) {
        List<String> detached = new ArrayList<>();
        // setsid execs in place (the child of a JVM is no group leader), so the pid we get is the node's own.
        if (Files.isExecutable(SETSID)) {
            detached.add(SETSID.toString());
        }
        detached.addAll(command);
        try {
            Files.createDirectories(logFile.getParent());
            ProcessBuilder builder = new ProcessBuilder(detached).directory(this.workingDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            builder.environment().putAll(environment);
            return builder.start();
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not start " + command.getFirst(), ex);
        }
    }

}
