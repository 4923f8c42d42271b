package com.foobar.infra.launcher.topology;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InfraNodeListTests {

    @Test
    void shouldListEveryNodeFrontToBackWithTheManagementUrlOfEachServiceNode() {
        // name, role, management port (none for a database), in the order the view draws them
        String[][] nodes = { { "gateway-1", "gateway", "8481" }, { "gateway-2", "gateway", "8482" },
                { "web-1", "web", "8151" }, { "web-2", "web", "8152" }, { "web-3", "web", "8153" },
                { "app-1", "app", "8251" }, { "app-2", "app", "8252" }, { "app-3", "app", "8253" },
                { "db-primary", "db-primary", "" }, { "db-replica-1", "db-replica", "" },
                { "db-replica-2", "db-replica", "" } };
        Map<String, String> expected = new LinkedHashMap<>();
        for (int i = 0; i < nodes.length; i++) {
            expected.put("FOOBAR_INFRA_NODES_" + i + "_NAME", nodes[i][0]);
            expected.put("FOOBAR_INFRA_NODES_" + i + "_ROLE", nodes[i][1]);
            if (!nodes[i][2].isEmpty()) {
                expected.put("FOOBAR_INFRA_NODES_" + i + "_MANAGEMENT", "http://127.0.0.1:" + nodes[i][2]);
            }
        }

        assertThat(InfraNodeList.environment(TopologyPlan.seedsDefault())).containsExactlyEntriesOf(expected);
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
