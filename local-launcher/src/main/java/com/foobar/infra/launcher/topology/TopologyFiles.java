package com.foobar.infra.launcher.topology;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a configuration file that running nodes watch into the topology's folder, in one step (a temporary file
 * moved into place), so a node reloading it never reads half a file.
 */
final class TopologyFiles {

    private TopologyFiles() {
    }

    static Path write(Path home, String name, String text) {
        Path file = home.resolve(name);
        Path temporary = home.resolve(name + ".tmp");
        try {
            Files.createDirectories(home);
            Files.writeString(temporary, text);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return file;
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot write " + file, ex);
        }
    }
}
