package com.foobar.infra.launcher;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.foobar.infra.launcher.TopologyStatus.NodeStatus;
import com.foobar.infra.launcher.state.NodeRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class TopologyStatusTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String URL = "https://www.foobar.com:8443/";

    private static final NodeRecord PRIMARY = new NodeRecord("db-primary", "db-primary", 4242, 1L,
            Map.of("mysql", 13_306), "db-primary.log");

    private static final NodeRecord WEB = new NodeRecord("web-1", "web", 4343, 2L,
            ports("http", 8101, "management", 8151), "web-1.log");

    private static final NodeRecord GATEWAY = new NodeRecord("gateway-1", "gateway", 4444, 3L,
            ports("https", 8443, "http", 8080, "management", 8481), "gateway-1.log");

    @Test
    void shouldWriteTheJsonOfTheContract() {
        TopologyStatus status = new TopologyStatus(URL,
                List.of(new NodeStatus(PRIMARY, true), new NodeStatus(WEB, false), new NodeStatus(GATEWAY, true)));

        JsonNode document = JSON.readTree(status.toJson());

        assertThat(document.propertyNames()).containsExactly("nodes", "url");
        assertThat(document.get("url").isString()).isTrue();
        assertThat(document.get("url").asString()).isEqualTo(URL);
        JsonNode nodes = document.get("nodes");
        assertThat(nodes.isArray()).isTrue();
        assertThat(nodes.size()).isEqualTo(3);
        for (JsonNode node : nodes) {
            assertThat(node.propertyNames()).containsExactly("name", "role", "pid", "healthy", "ports");
            assertThat(node.get("name").isString()).isTrue();
            assertThat(node.get("role").isString()).isTrue();
            assertThat(node.get("pid").isIntegralNumber()).isTrue();
            assertThat(node.get("healthy").isBoolean()).isTrue();
            assertThat(node.get("ports").isObject()).isTrue();
        }
        JsonNode web = nodes.get(1);
        assertThat(web.get("name").asString()).isEqualTo("web-1");
        assertThat(web.get("role").asString()).isEqualTo("web");
        assertThat(web.get("pid").asLong()).isEqualTo(4343);
        assertThat(web.get("healthy").asBoolean()).isFalse();
        assertThat(web.get("ports").propertyNames()).containsExactly("http", "management");
        assertThat(web.get("ports").get("http").asInt()).isEqualTo(8101);
        assertThat(web.get("ports").get("management").asInt()).isEqualTo(8151);
        JsonNode gateway = nodes.get(2);
        assertThat(gateway.get("role").asString()).isEqualTo("gateway");
        assertThat(gateway.get("healthy").asBoolean()).isTrue();
        assertThat(gateway.get("ports").get("https").asInt()).isEqualTo(8443);
        assertThat(nodes.get(0).get("role").asString()).isEqualTo("db-primary");
        assertThat(nodes.get(0).get("ports").get("mysql").asInt()).isEqualTo(13_306);
    }

    @Test
    void shouldWriteTheJsonOfATopologyWithoutNodes() {
        JsonNode document = JSON.readTree(new TopologyStatus(URL, List.of()).toJson());

        assertThat(document.get("nodes").isArray()).isTrue();
        assertThat(document.get("nodes").isEmpty()).isTrue();
        assertThat(document.get("url").asString()).isEqualTo(URL);
    }

    @Test
    void shouldShowEachNodeInTheTable() {
        TopologyStatus status = new TopologyStatus(URL,
                List.of(new NodeStatus(PRIMARY, true), new NodeStatus(WEB, false), new NodeStatus(GATEWAY, true)));

        List<String> lines = status.toTable().lines().toList();

        assertThat(lines.get(0)).startsWith("NAME").contains("ROLE", "PID", "STATE", "PORTS");
        assertThat(lines.get(1)).startsWith("db-primary").contains("4242", "healthy", "mysql=13306");
        assertThat(lines.get(2)).startsWith("web-1")
            .contains("web", "4343", "DOWN", "http=8101 management=8151")
            .doesNotContain("healthy");
        assertThat(lines.get(3)).startsWith("gateway-1").contains("4444", "healthy",
                "https=8443 http=8080 management=8481");
        assertThat(lines).contains("site: " + URL);
    }

    @Test
    void shouldShowDownOnlyForUnhealthyNodes() {
        String table = new TopologyStatus(URL, List.of(new NodeStatus(PRIMARY, true), new NodeStatus(GATEWAY, true)))
            .toTable();

        assertThat(table).doesNotContain("DOWN");
    }

    @Test
    void shouldBeHealthyOnlyWhenEveryNodeIs() {
        assertThat(new TopologyStatus(URL, List.of(new NodeStatus(PRIMARY, true), new NodeStatus(GATEWAY, true)))
            .allHealthy()).isTrue();
        assertThat(new TopologyStatus(URL, List.of(new NodeStatus(PRIMARY, true), new NodeStatus(WEB, false),
                new NodeStatus(GATEWAY, true)))
            .allHealthy()).isFalse();
        assertThat(new TopologyStatus(URL, List.of(new NodeStatus(PRIMARY, false))).allHealthy()).isFalse();
    }

    private static Map<String, Integer> ports(Object... purposeAndPort) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (int i = 0; i < purposeAndPort.length; i += 2) {
            ports.put((String) purposeAndPort[i], (Integer) purposeAndPort[i + 1]);
        }
        return ports;
    }

}
