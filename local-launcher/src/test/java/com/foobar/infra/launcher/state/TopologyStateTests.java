package com.foobar.infra.launcher.state;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class TopologyStateTests {

    private static final NodeRecord PRIMARY = new NodeRecord("db-primary", "db-primary", 4242, 1_700_000_000_123L,
            Map.of("mysql", 13_306), "/home/someone/.foobar/logs/db-primary.log");

    private static final NodeRecord GATEWAY = new NodeRecord("gateway-1", "gateway", 4343, 1_700_000_001_456L,
            Map.of("https", 8443, "http", 8080, "management", 8481), "/home/someone/.foobar/logs/gateway-1.log");

    @TempDir
    Path dir;

    @Test
    void shouldReadBackWhatItWrote() {
        Path file = this.dir.resolve("run/topology.json");
        TopologyState state = new TopologyState(3, 2, 0, "https://www.foobar.com:8443/", List.of(PRIMARY, GATEWAY));

        state.write(file);

        assertThat(TopologyState.read(file)).contains(state);
        assertThat(file.resolveSibling("topology.json.tmp")).doesNotExist();
    }

    @Test
    void shouldReadBackAnEmptyState() {
        Path file = this.dir.resolve("topology.json");
        TopologyState state = new TopologyState(1, 0, 100, "https://www.foobar.com:8543/", List.of());

        state.write(file);

        assertThat(TopologyState.read(file)).contains(state);
    }

    @Test
    void shouldReplaceThePreviousStateOnWrite() {
        Path file = this.dir.resolve("topology.json");
        TopologyState first = new TopologyState(3, 2, 0, "https://www.foobar.com:8443/", List.of(PRIMARY));
        first.write(file);
        TopologyState second = first.with(GATEWAY);

        second.write(file);

        assertThat(TopologyState.read(file)).contains(second);
        assertThat(second.nodes()).containsExactly(PRIMARY, GATEWAY);
        assertThat(first.nodes()).containsExactly(PRIMARY);
    }

    @Test
    void shouldReadNothingWhenThereIsNoFile() {
        assertThat(TopologyState.read(this.dir.resolve("topology.json"))).isEmpty();
    }

    @Test
    void shouldNameACorruptFile() throws Exception {
        Path file = this.dir.resolve("topology.json");
        Files.writeString(file, "{\"servers\": 3, \"nodes\": [");

        assertThatIllegalStateException().isThrownBy(() -> TopologyState.read(file))
            .withMessageContaining(file.toString())
            .withMessageContaining("is not a topology state file");
    }

    @Test
    void shouldNameAFileThatIsNotJson() throws Exception {
        Path file = this.dir.resolve("topology.json");
        Files.writeString(file, "not json at all");

        assertThatIllegalStateException().isThrownBy(() -> TopologyState.read(file))
            .withMessageContaining(file.toString());
    }

    @Test
    void shouldNameAnEmptyFile() throws Exception {
        Path file = this.dir.resolve("topology.json");
        Files.writeString(file, "");

        assertThatIllegalStateException().isThrownBy(() -> TopologyState.read(file))
            .withMessageContaining(file.toString());
    }

    @Test
    void shouldNameAJsonFileWithoutNodes() throws Exception {
        Path file = this.dir.resolve("topology.json");
        Files.writeString(file, "{}");

        assertThatIllegalStateException().isThrownBy(() -> TopologyState.read(file))
            .withMessageContaining(file.toString());
    }

}
