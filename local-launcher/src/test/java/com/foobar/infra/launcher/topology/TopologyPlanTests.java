package com.foobar.infra.launcher.topology;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.entry;

class TopologyPlanTests {

    @Test
    void shouldListTheSeedsDefaultNodesInStartOrder() {
        List<Node> nodes = TopologyPlan.seedsDefault().nodes();

        assertThat(nodes).extracting(Node::name)
            .containsExactly("db-primary", "db-replica-1", "db-replica-2", "app-1", "app-2", "app-3", "web-1",
                    "web-2", "web-3", "gateway-1", "gateway-2");
        assertThat(nodes).extracting(Node::role)
            .containsExactly(NodeRole.DB_PRIMARY, NodeRole.DB_REPLICA, NodeRole.DB_REPLICA, NodeRole.APP,
                    NodeRole.APP, NodeRole.APP, NodeRole.WEB, NodeRole.WEB, NodeRole.WEB, NodeRole.GATEWAY,
                    NodeRole.GATEWAY);
        assertThat(nodes).extracting(Node::index).containsExactly(0, 1, 2, 1, 2, 3, 1, 2, 3, 1, 2);
    }

    @Test
    void shouldDescribeTheSeedsDefault() {
        TopologyPlan plan = TopologyPlan.seedsDefault();

        assertThat(plan.servers()).isEqualTo(3);
        assertThat(plan.replicas()).isEqualTo(2);
        assertThat(plan.portOffset()).isZero();
    }

    @Test
    void shouldGiveEachNodeThePortsOfTheScheme() {
        TopologyPlan plan = TopologyPlan.seedsDefault();

        assertThat(plan.node("db-primary").ports()).containsExactly(entry("mysql", 13_306));
        assertThat(plan.node("db-replica-1").ports()).containsExactly(entry("mysql", 13_307));
        assertThat(plan.node("db-replica-2").ports()).containsExactly(entry("mysql", 13_308));
        assertThat(plan.node("app-1").ports()).containsExactly(entry("http", 8201), entry("management", 8251));
        assertThat(plan.node("app-3").ports()).containsExactly(entry("http", 8203), entry("management", 8253));
        assertThat(plan.node("web-1").ports()).containsExactly(entry("http", 8101), entry("management", 8151));
        assertThat(plan.node("web-3").ports()).containsExactly(entry("http", 8103), entry("management", 8153));
        assertThat(plan.node("gateway-1").ports()).containsExactly(entry("https", 8443), entry("http", 8080),
                entry("management", 8481));
        assertThat(plan.node("gateway-2").ports()).containsExactly(entry("https", 8443), entry("http", 8080),
                entry("management", 8482));
    }

    @Test
    void shouldShiftEveryPortByTheOffset() {
        TopologyPlan base = TopologyPlan.seedsDefault();
        TopologyPlan shifted = new TopologyPlan(3, 2, 1000);

        List<Node> baseNodes = base.nodes();
        List<Node> shiftedNodes = shifted.nodes();
        assertThat(shiftedNodes).extracting(Node::name)
            .containsExactlyElementsOf(baseNodes.stream().map(Node::name).toList());
        for (int i = 0; i < baseNodes.size(); i++) {
            Map<String, Integer> basePorts = baseNodes.get(i).ports();
            Map<String, Integer> shiftedPorts = shiftedNodes.get(i).ports();
            assertThat(shiftedPorts.keySet()).containsExactlyElementsOf(basePorts.keySet());
            basePorts.forEach((purpose, port) -> assertThat(shiftedPorts.get(purpose)).isEqualTo(port + 1000));
        }
        assertThat(shifted.node("gateway-1").port("https")).isEqualTo(9443);
        assertThat(shifted.node("db-primary").port("mysql")).isEqualTo(14_306);
    }

    @Test
    void shouldFollowTheSizeOfThePlan() {
        TopologyPlan plan = new TopologyPlan(1, 0, 0);

        assertThat(plan.nodes()).extracting(Node::name).containsExactly("db-primary", "app-1", "web-1", "gateway-1",
                "gateway-2");
        assertThat(plan.nodes(NodeRole.DB_REPLICA)).isEmpty();
    }

    @Test
    void shouldSelectNodesByRole() {
        TopologyPlan plan = TopologyPlan.seedsDefault();

        assertThat(plan.nodes(NodeRole.WEB)).extracting(Node::name).containsExactly("web-1", "web-2", "web-3");
        assertThat(plan.nodes(NodeRole.DB_REPLICA)).extracting(Node::name)
            .containsExactly("db-replica-1", "db-replica-2");
        assertThat(plan.nodes(NodeRole.GATEWAY)).extracting(Node::name).containsExactly("gateway-1", "gateway-2");
    }

    @Test
    void shouldRefuseAnUnknownNodeName() {
        assertThatIllegalArgumentException().isThrownBy(() -> TopologyPlan.seedsDefault().node("web-4"))
            .withMessage("No node named web-4");
    }

    @Test
    void shouldRefuseAnUnknownPortPurpose() {
        Node primary = TopologyPlan.seedsDefault().node("db-primary");

        assertThatIllegalArgumentException().isThrownBy(() -> primary.port("http"))
            .withMessage("db-primary has no http port");
    }

    @Test
    void shouldRefuseServersOutOfRange() {
        assertThatIllegalArgumentException().isThrownBy(() -> new TopologyPlan(0, 2, 0))
            .withMessage("--servers must be between 1 and 9, got 0");
        assertThatIllegalArgumentException().isThrownBy(() -> new TopologyPlan(10, 2, 0))
            .withMessage("--servers must be between 1 and 9, got 10");
    }

    @Test
    void shouldRefuseReplicasOutOfRange() {
        assertThatIllegalArgumentException().isThrownBy(() -> new TopologyPlan(3, -1, 0))
            .withMessage("--replicas must be between 0 and 9, got -1");
        assertThatIllegalArgumentException().isThrownBy(() -> new TopologyPlan(3, 10, 0))
            .withMessage("--replicas must be between 0 and 9, got 10");
    }

    @Test
    void shouldRefuseAPortOffsetThatLeavesThePortRange() {
        assertThatIllegalArgumentException().isThrownBy(() -> new TopologyPlan(3, 2, -1))
            .withMessage("--port-offset must keep ports below 65536, got -1");
        int largest = 65_535 - 13_306 - TopologyPlan.MAX_REPLICAS;
        assertThatIllegalArgumentException().isThrownBy(() -> new TopologyPlan(3, 2, largest + 1))
            .withMessage("--port-offset must keep ports below 65536, got " + (largest + 1));
    }

    @Test
    void shouldAcceptTheLimitsOfEveryRange() {
        int largest = 65_535 - 13_306 - TopologyPlan.MAX_REPLICAS;
        TopologyPlan plan = new TopologyPlan(TopologyPlan.MAX_SERVERS, TopologyPlan.MAX_REPLICAS, largest);

        assertThat(plan.nodes()).hasSize(1 + 9 + 9 + 9 + 2);
        assertThat(plan.nodes().stream().flatMap((node) -> node.ports().values().stream()))
            .allSatisfy((port) -> assertThat(port).isBetween(1, 65_535));
        assertThat(plan.node("db-replica-9").port("mysql")).isEqualTo(65_535);
    }

    @Test
    void shouldGiveThePublicUrlOfTheGateway() {
        assertThat(TopologyPlan.seedsDefault().publicUrl()).isEqualTo("https://www.foobar.com:8443/");
        assertThat(new TopologyPlan(1, 0, 20).publicUrl()).isEqualTo("https://www.foobar.com:8463/");
    }

    @Test
    void shouldNeverGiveTwoNodesTheSamePortButTheGatewaysTheirSharedOnes() {
        for (TopologyPlan plan : List.of(TopologyPlan.seedsDefault(), new TopologyPlan(1, 0, 0),
                new TopologyPlan(TopologyPlan.MAX_SERVERS, TopologyPlan.MAX_REPLICAS, 0),
                new TopologyPlan(TopologyPlan.MAX_SERVERS, TopologyPlan.MAX_REPLICAS, 1000))) {
            List<Integer> ports = new ArrayList<>();
            plan.nodes().forEach((node) -> ports.addAll(node.ports().values()));
            Node first = plan.node("gateway-1");
            Node second = plan.node("gateway-2");
            ports.remove(second.ports().get("https"));
            ports.remove(second.ports().get("http"));
            assertThat(ports).as("ports of %s", plan).doesNotHaveDuplicates();
            assertThat(second.port("https")).isEqualTo(first.port("https"));
            assertThat(second.port("http")).isEqualTo(first.port("http"));
        }
    }

}
