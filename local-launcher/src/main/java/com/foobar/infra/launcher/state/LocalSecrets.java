package com.foobar.infra.launcher.state;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Properties;

import com.foobar.infra.mariadb.DatabaseCredentials;

/**
 * The topology's database passwords, made at random on first start and kept in {@code secrets.properties},
 * readable by the owner only. Services get them through their environment, never on a command line that
 * {@code ps} would show.
 */
public final class LocalSecrets {

    private static final String[] KEYS = { "db.admin.password", "db.app.password", "db.replication.password" };

    private final Path file;

    public LocalSecrets(Path file) {
        this.file = file;
    }

    public DatabaseCredentials databaseCredentials() {
        Properties secrets = loadOrCreate();
        return new DatabaseCredentials("foobar", "foobar_admin", secrets.getProperty(KEYS[0]), "foobar",
                secrets.getProperty(KEYS[1]), "foobar_replication", secrets.getProperty(KEYS[2]));
    }

    private Properties loadOrCreate() {
        try {
            Properties secrets = new Properties();
            if (Files.exists(this.file)) {
                try (Reader reader = Files.newBufferedReader(this.file)) {
                    secrets.load(reader);
                }
            }
            boolean changed = false;
            SecureRandom random = new SecureRandom();
            for (String key : KEYS) {
                if (secrets.getProperty(key) == null) {
                    byte[] bytes = new byte[18];
                    random.nextBytes(bytes);
                    secrets.setProperty(key, HexFormat.of().formatHex(bytes));
                    changed = true;
                }
            }
            if (changed) {
                Files.createDirectories(this.file.getParent());
                Files.deleteIfExists(this.file);
                Files.createFile(this.file,
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                try (Writer writer = Files.newBufferedWriter(this.file)) {
                    secrets.store(writer, "Passwords of the local topology; made by ./foobar up");
                }
            }
            return secrets;
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not read or write " + this.file, ex);
        }
    }

}
