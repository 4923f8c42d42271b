package com.foobar.infra.balancing.backend;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Writes a configuration file of backend groups ({@code foobar.balancing.config-file}), as an operator
 * would, so tests drive a gateway or web server through its real configuration and reload path.
 */
public final class GroupsFile {

    private final StringBuilder yaml = new StringBuilder("foobar:\n  balancing:\n    groups:\n");

    /**
     * Adds a group.
     *
     * @param name the group's name
     * @param settings YAML lines of the group's settings, such as {@code "algorithm: least-connections"}
     * @param backends its backends, each with weight 1 unless {@code weights} says otherwise
     * @param weights weights in the order of {@code backends}, or none
     * @return this file
     */
    public GroupsFile group(String name, List<String> settings, List<BackendProcess> backends, int... weights) {
        this.yaml.append("      ").append(name).append(":\n");
        settings.forEach((line) -> this.yaml.append("        ").append(line).append('\n'));
        this.yaml.append("        backends:\n");
        for (int i = 0; i < backends.size(); i++) {
            BackendProcess backend = backends.get(i);
            this.yaml.append("          - name: ").append(backend.name()).append('\n')
                .append("            uri: ").append(backend.uri()).append('\n')
                .append("            health-uri: ").append(backend.healthUri()).append('\n')
                .append("            weight: ").append((weights.length > i) ? weights[i] : 1).append('\n');
        }
        return this;
    }

    /** Writes the file, replacing what was there; a running gateway reloads it. */
    public void writeTo(Path file) {
        try {
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(temporary, this.yaml);
            // Moved into place in one step, so the gateway never reads half a file.
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
