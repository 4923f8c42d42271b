package com.foobar.infra.launcher.state;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import tools.jackson.databind.json.JsonMapper;

/**
 * The state file of a topology ({@code run/topology.json}): its size, URL and every node started so far.
 *
 * <p>It is written after each node starts, not only at the end, so that {@code ./foobar down} can stop a
 * topology whose start was interrupted or whose launcher died.
 */
public record TopologyState(int servers, int replicas, int portOffset, String url, List<NodeRecord> nodes) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public TopologyState {
        nodes = List.copyOf(nodes);
    }

    public TopologyState with(NodeRecord node) {
        List<NodeRecord> more = new ArrayList<>(this.nodes);
        more.add(node);
        return new TopologyState(this.servers, this.replicas, this.portOffset, this.url, more);
    }

    public static Optional<TopologyState> read(Path file) {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(file.toFile(), TopologyState.class));
        }
        catch (RuntimeException ex) {
            throw new IllegalStateException(file + " is not a topology state file; remove it if no topology runs",
                    ex);
        }
    }

    /** Deletes the state file {@code file}, if there is one. */
    public static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not delete " + file, ex);
        }
    }

    public void write(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            JSON.writerWithDefaultPrettyPrinter().writeValue(temporary.toFile(), this);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not write " + file, ex);
        }
    }

}
