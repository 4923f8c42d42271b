package com.foobar.infra.launcher.topology;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class InfraNodeListTests {

    @Test
    void shouldListEveryNodeFrontToBackWithTheManagementUrlOfEachServiceNode() {
        Map<String, String> env = InfraNodeList.environment(TopologyPlan.seedsDefault());

        assertThat(env).containsExactly(entry("FOOBAR_INFRA_NODES_0_NAME", "gateway-1"),
                entry("FOOBAR_INFRA_NODES_0_ROLE", "gateway"),
                entry("FOOBAR_INFRA_NODES_0_MANAGEMENT", "http://127.0.0.1:8481"),
                entry("FOOBAR_INFRA_NODES_1_NAME", "gateway-2"), entry("FOOBAR_INFRA_NODES_1_ROLE", "gateway"),
                entry("FOOBAR_INFRA_NODES_1_MANAGEMENT", "http://127.0.0.1:8482"),
                entry("FOOBAR_INFRA_NODES_2_NAME", "web-1"), entry("FOOBAR_INFRA_NODES_2_ROLE", "web"),
                entry("FOOBAR_INFRA_NODES_2_MANAGEMENT", "http://127.0.0.1:8151"),
                entry("FOOBAR_INFRA_NODES_3_NAME", "web-2"), entry("FOOBAR_INFRA_NODES_3_ROLE", "web"),
                entry("FOOBAR_INFRA_NODES_3_MANAGEMENT", "http://127.0.0.1:8152"),
                entry("FOOBAR_INFRA_NODES_4_NAME", "web-3"), entry("FOOBAR_INFRA_NODES_4_ROLE", "web"),
                entry("FOOBAR_INFRA_NODES_4_MANAGEMENT", "http://127.0.0.1:8153"),
                entry("FOOBAR_INFRA_NODES_5_NAME", "app-1"), entry("FOOBAR_INFRA_NODES_5_ROLE", "app"),
                entry("FOOBAR_INFRA_NODES_5_MANAGEMENT", "http://127.0.0.1:8251"),
                entry("FOOBAR_INFRA_NODES_6_NAME", "app-2"), entry("FOOBAR_INFRA_NODES_6_ROLE", "app"),
                entry("FOOBAR_INFRA_NODES_6_MANAGEMENT", "http://127.0.0.1:8252"),
                entry("FOOBAR_INFRA_NODES_7_NAME", "app-3"), entry("FOOBAR_INFRA_NODES_7_ROLE", "app"),
                entry("FOOBAR_INFRA_NODES_7_MANAGEMENT", "http://127.0.0.1:8253"),
                entry("FOOBAR_INFRA_NODES_8_NAME", "db-primary"), entry("FOOBAR_INFRA_NODES_8_ROLE", "db-primary"),
                entry("FOOBAR_INFRA_NODES_9_NAME", "db-replica-1"), entry("FOOBAR_INFRA_NODES_9_ROLE", "db-replica"),
                entry("FOOBAR_INFRA_NODES_10_NAME", "db-replica-2"),
                entry("FOOBAR_INFRA_NODES_10_ROLE", "db-replica"));
    }

    @Test
    void shouldFollowThePortOffsetAndTheNumberOfNodes() {
        Map<String, String> env = InfraNodeList.environment(new TopologyPlan(1, 0, 24_000));

        assertThat(env).containsEntry("FOOBAR_INFRA_NODES_2_NAME", "web-1")
            .containsEntry("FOOBAR_INFRA_NODES_2_MANAGEMENT", "http://127.0.0.1:32151")
            .containsEntry("FOOBAR_INFRA_NODES_4_NAME", "db-primary")
            .doesNotContainKey("FOOBAR_INFRA_NODES_5_NAME");
    }

}
