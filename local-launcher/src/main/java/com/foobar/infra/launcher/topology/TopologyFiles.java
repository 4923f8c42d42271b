package com.foobar.infra.launcher.topology;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The configuration files that running nodes watch in the topology's folder: a backend group over one tier's nodes,
 * written in one step (a temporary file moved into place), so a node reloading it never reads half a file.
 */
final class TopologyFiles {

    private TopologyFiles() {
    }

    /**
     * A file of one backend group ({@code foobar.balancing.groups}) over nodes, each checked on its management port.
     *
     * @param comment the file's opening comment lines, each starting with {@code #}
     * @param group the group's name
     * @param settings the group's settings as YAML, indented as keys of the group (eight spaces)
     * @param nodes the group's backends
     */
    static String backendGroup(String comment, String group, String settings, List<Node> nodes) {
        StringBuilder yaml = new StringBuilder(comment).append("foobar:\n  balancing:\n    groups:\n      ")
            .append(group).append(":\n").append(settings).append("        backends:\n");
        for (Node node : nodes) {
            yaml.append("          - name: ").append(node.name()).append('\n')
                .append("            uri: ").append(NodeEnvironment.serviceUrl(node)).append('\n')
                .append("            health-uri: http://127.0.0.1:").append(node.port("management"))
                .append("/actuator/health/readiness\n");
        }
        return yaml.toString();
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
