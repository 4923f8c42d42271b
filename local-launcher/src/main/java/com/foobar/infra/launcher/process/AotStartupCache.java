package com.foobar.infra.launcher.process;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * JDK 25 ahead-of-time caches (JEP 483, 514, 515) for the service jars: classes loaded, linked and profiled in a
 * training run are mapped in at the next start, which halves a service's start-up CPU. On a 2-core machine
 * starting seven JVMs at once, that is most of the time to a healthy topology.
 *
 * <p>A cache needs the jar extracted ({@code -Djarmode=tools extract}) and is tied to it: when the built jar is
 * newer than its cache, both are made again. A service without a usable cache just starts from its jar.
 */
public final class AotStartupCache {

    // Bounds the extraction of a jar (-Djarmode=tools extract); a training run is bounded by its caller.
    private static final long EXTRACT_TIMEOUT_SECONDS = 180;

    // Training and running must agree on these, or the JVM rejects the cache.
    private static final List<String> JVM_OPTIONS = List.of("-XX:+UseSerialGC", "-Xms32m", "-Xmx256m",
            "-XX:+ExitOnOutOfMemoryError");

    private final Path dir;

    public AotStartupCache(Path dir) {
        this.dir = dir;
    }

    /** Whether the cache of {@code jar} is missing or older than the jar. */
    public boolean isStale(Path jar) {
        Path cache = cacheFile(jar);
        try {
            return !Files.exists(cache)
                    || Files.getLastModifiedTime(jar).compareTo(Files.getLastModifiedTime(cache)) > 0;
        }
        catch (IOException ex) {
            return true;
        }
    }

    /**
     * Extracts {@code jar} and starts a training run of it with {@code environment}: the service starts, refreshes
     * its context (so it touches what a real start touches, the database included) and exits, writing the cache.
     */
    public Process startTraining(Path jar, Map<String, String> environment, Path log) {
        try {
            Path extracted = extractedDir(jar);
            deleteRecursively(extracted);
            Files.deleteIfExists(cacheFile(jar));
            Files.createDirectories(log.getParent());
            run(List.of(java(), "-Djarmode=tools", "-jar", jar.toString(), "extract", "--destination",
                    extracted.toString()), log);
            List<String> command = new ArrayList<>(List.of(java()));
            command.addAll(JVM_OPTIONS);
            command.addAll(List.of("-XX:AOTCacheOutput=" + cacheFile(jar), "-Dspring.context.exit=onRefresh",
                    "-jar", extractedJar(jar).toString()));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            builder.environment().putAll(environment);
            return builder.start();
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not train the start-up cache of " + jar, ex);
        }
    }

    /** The command that starts {@code jar} as node {@code nodeName}, with its cache when it has a fresh one. */
    public List<String> command(String nodeName, Path jar) {
        List<String> command = new ArrayList<>(List.of(java(), "-Dfoobar.node=" + nodeName));
        command.addAll(JVM_OPTIONS);
        if (isStale(jar)) {
            command.addAll(List.of("-jar", jar.toString()));
        }
        else {
            command.addAll(List.of("-XX:AOTCache=" + cacheFile(jar), "-jar", extractedJar(jar).toString()));
        }
        return command;
    }

    private Path extractedDir(Path jar) {
        return this.dir.resolve(jar.getFileName().toString().replace(".jar", ""));
    }

    private Path extractedJar(Path jar) {
        return extractedDir(jar).resolve(jar.getFileName());
    }

    private Path cacheFile(Path jar) {
        return this.dir.resolve(jar.getFileName().toString().replace(".jar", ".aot"));
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void run(List<String> command, Path log) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
        try {
            if (!process.waitFor(EXTRACT_TIMEOUT_SECONDS, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IOException(String.join(" ", command) + " failed; see " + log);
            }
        }
        catch (InterruptedException ex) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted: " + String.join(" ", command), ex);
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> files = Files.walk(path)) {
            for (Path file : files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(file);
            }
        }
    }

}
