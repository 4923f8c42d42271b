package com.foobar.infra.mariadb;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/**
 * One MariaDB server of a replicated topology: its data directory, its command line and its first-time
 * installation.
 *
 * <p>Every server writes a GTID binlog (replicas too, with {@code log-slave-updates}) so that any replica could
 * later be promoted; replicas are {@code read-only}, which the replication thread and administrators bypass.
 * The server listens on {@code 127.0.0.1} only.
 */
public record MariaDbServer(String name, DatabaseRole role, int port, int serverId, Path dataDir, Path runDir,
        MariaDbDistribution distribution) {

    private static final long INSTALL_TIMEOUT_SECONDS = 120;

    private static final String INSTALLED_MARKER = ".foobar-installed";

    /**
     * Whether {@link #install} finished in the data directory: it writes {@code .foobar-installed} last, after the
     * bootstrap created the administrator, so a directory whose installation failed half-way (the system tables
     * made, the administrator not) is installed again rather than trusted.
     *
     * <p>Data directories installed before the marker existed have none. One of those counts as installed when it
     * has the system tables ({@code mysql/}) and this server's binlog index ({@code <name>-bin.index}): only a
     * started server writes that index (the installation runs without a binlog), and a failed installation stops
     * {@code ./foobar up} and the test clusters before any server starts. The one directory this rule would
     * wrongly trust, a failed bootstrap that an older launcher started anyway, never had an administrator and so
     * never came up healthy: delete it by hand. A directory the rule accepts gets its marker here, so the rule is
     * needed once per directory.
     */
    public boolean isInstalled() {
        if (Files.isRegularFile(this.dataDir.resolve(INSTALLED_MARKER))) {
            return true;
        }
        if (!Files.isDirectory(this.dataDir.resolve("mysql"))
                || !Files.isRegularFile(this.dataDir.resolve(this.name + "-bin.index"))) {
            return false;
        }
        try {
            writeInstalledMarker();
        }
        catch (IOException ex) {
            // Not writable now: the server will say so when it starts, and the rule above holds again next time.
        }
        return true;
    }

    /**
     * Creates the data directory with the system tables and the administrator account (local to this server:
     * it is created outside the binlog, so it never replicates). Whatever an earlier, unfinished installation
     * left in the data directory is deleted first.
     */
    public void install(DatabaseCredentials credentials, Path logFile) {
        if (isInstalled()) {
            throw new IllegalStateException(this.name + " is already installed in " + this.dataDir);
        }
        try {
            deleteContents(this.dataDir);
            Files.createDirectories(this.dataDir);
            Files.createDirectories(logFile.getParent());
            Files.createDirectories(tmpDir());
            List<String> installDb = new ArrayList<>(List.of("bash", this.distribution.installScript().toString(),
                    "--no-defaults", "--basedir=" + this.distribution.baseDir(), "--datadir=" + this.dataDir,
                    "--tmpdir=" + tmpDir(), "--skip-name-resolve", "--skip-test-db"));
            addUserOption(installDb);
            run(installDb, null, logFile);
            // Bootstrap mode starts without grant tables; FLUSH PRIVILEGES loads them so CREATE USER works.
            String adminSql = "FLUSH PRIVILEGES;\n" + "CREATE USER '" + credentials.adminUser() + "'@'127.0.0.1' "
                    + "IDENTIFIED BY '" + credentials.adminPassword() + "';\n" + "GRANT ALL PRIVILEGES ON *.* TO '"
                    + credentials.adminUser() + "'@'127.0.0.1' WITH GRANT OPTION;\n";
            List<String> bootstrap = new ArrayList<>(List.of(this.distribution.serverBinary().toString(),
                    "--no-defaults", "--bootstrap", "--basedir=" + this.distribution.baseDir(),
                    "--datadir=" + this.dataDir, "--tmpdir=" + tmpDir()));
            addUserOption(bootstrap);
            run(bootstrap, adminSql, logFile);
            writeInstalledMarker();
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not install " + this.name + " in " + this.dataDir, ex);
        }
    }

    /** The {@code mariadbd} command line for this server. */
    public List<String> command() {
        List<String> command = new ArrayList<>(List.of(this.distribution.serverBinary().toString(), "--no-defaults",
                "--basedir=" + this.distribution.baseDir(), "--datadir=" + this.dataDir, "--tmpdir=" + tmpDir(),
                "--port=" + this.port,
                "--bind-address=127.0.0.1", "--socket=" + this.runDir.resolve(this.name + ".sock"),
                "--pid-file=" + this.runDir.resolve(this.name + ".pid"), "--server-id=" + this.serverId,
                "--log-bin=" + this.name + "-bin", "--log-slave-updates", "--binlog-format=ROW",
                "--gtid-strict-mode=1", "--skip-name-resolve", "--character-set-server=utf8mb4",
                "--collation-server=utf8mb4_unicode_ci", "--innodb-buffer-pool-size=64M",
                // Loopback only, so the dev topology skips TLS; Compose and Kubernetes are where it matters.
                "--skip-ssl"));
        if (this.role == DatabaseRole.REPLICA) {
            command.add("--read-only=1");
            command.add("--relay-log=" + this.name + "-relay");
            // One applier thread fell behind a primary taking 3,700 inserts/s (docs/benchmarks.md); optimistic
            // parallel apply runs transactions concurrently and rolls back the rare conflicting one.
            command.add("--slave-parallel-threads=4");
            command.add("--slave-parallel-mode=optimistic");
        }
        addUserOption(command);
        return command;
    }

    /** Creates the folders {@link #command()} needs besides the data directory: run files and temporary files. */
    public void createRunDirectories() {
        try {
            Files.createDirectories(this.runDir);
            Files.createDirectories(tmpDir());
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** A process builder for {@link #command()}, its output appended to {@code logFile}. */
    public ProcessBuilder processBuilder(Path logFile) {
        createRunDirectories();
        try {
            Files.createDirectories(logFile.getParent());
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return new ProcessBuilder(command()).redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    }

    /** The JDBC URL of this server for {@code database}, for the administrator and the application alike. */
    public String jdbcUrl(String database) {
        return jdbcUrl(this.port, database);
    }

    /** The JDBC URL of a server of ours on {@code port}. */
    public static String jdbcUrl(int port, String database) {
        return "jdbc:mysql://127.0.0.1:" + port + "/" + database + "?sslMode=DISABLED&connectTimeout=2000";
    }

    // Servers installed at the same moment collided on temporary table names in a shared /tmp.
    private Path tmpDir() {
        return this.runDir.resolve(this.name + "-tmp");
    }

    private void writeInstalledMarker() throws IOException {
        Files.writeString(this.dataDir.resolve(INSTALLED_MARKER),
                "Installed: system tables and administrator made. Without this file the folder is made again.\n");
    }

    /** Empties {@code dir}, keeping the folder itself (which may be a link to where the user wants the data). */
    private static void deleteContents(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        List<Path> entries;
        try (Stream<Path> list = Files.list(dir)) {
            entries = list.toList();
        }
        for (Path entry : entries) {
            Files.walkFileTree(entry, new SimpleFileVisitor<>() {

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path directory, @Nullable IOException ex)
                        throws IOException {
                    if (ex != null) {
                        throw ex;
                    }
                    Files.delete(directory);
                    return FileVisitResult.CONTINUE;
                }

            });
        }
    }

    // mariadbd refuses to run as root unless told so explicitly.
    private static void addUserOption(List<String> command) {
        if ("root".equals(System.getProperty("user.name"))) {
            command.add("--user=root");
        }
    }

    private void run(List<String> command, String stdin, Path logFile) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        if (stdin == null) {
            builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        }
        Process process = builder.start();
        if (stdin != null) {
            try (var in = process.getOutputStream()) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
        }
        try {
            if (!process.waitFor(INSTALL_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("Installing " + this.name + " timed out; see " + logFile);
            }
        }
        catch (InterruptedException ex) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while installing " + this.name, ex);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("Installing " + this.name + " failed (exit " + process.exitValue()
                    + "); see " + logFile);
        }
    }

}
