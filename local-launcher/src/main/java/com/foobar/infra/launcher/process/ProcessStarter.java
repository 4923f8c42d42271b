package com.foobar.infra.launcher.process;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Starts a node as a process that outlives the launcher: its own session (so a later Ctrl-C or a closed
 * terminal does not reach it), no standard input, its output appended to the node's log file.
 */
public final class ProcessStarter {

    private static final List<Path> USUAL_DIRS = List.of(Path.of("/usr/bin"), Path.of("/bin"));

    private final Path workingDir;

    private final Path setsid;

    /** @throws IllegalStateException when {@code setsid} is not installed */
    public ProcessStarter(Path workingDir) {
        this.workingDir = workingDir;
        this.setsid = setsid(System.getenv("PATH"), USUAL_DIRS);
    }

    /**
     * {@code setsid} from the folders of {@code path} (a {@code PATH} value), else from {@code usualDirs}. Without
     * it the nodes would share the launcher's session and die with its terminal, so it is required.
     */
    static Path setsid(@Nullable String path, List<Path> usualDirs) {
        List<Path> dirs = new ArrayList<>();
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                if (!dir.isEmpty()) {
                    dirs.add(Path.of(dir));
                }
            }
        }
        dirs.addAll(usualDirs);
        return dirs.stream()
            .map((dir) -> dir.resolve("setsid"))
            .filter((file) -> Files.isRegularFile(file) && Files.isExecutable(file))
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("setsid was not found on the PATH nor in " + usualDirs
                    + "; the launcher needs it to start the nodes in their own session. Install util-linux "
                    + "(apt-get install util-linux, or your system's equivalent)."));
    }

    public Process start(List<String> command, Map<String, String> environment, Path logFile) {
        // setsid execs in place (the child of a JVM is no group leader), so the pid we get is the node's own.
        List<String> detached = new ArrayList<>(List.of(this.setsid.toString()));
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
