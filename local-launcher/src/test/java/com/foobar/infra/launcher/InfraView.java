package com.foobar.infra.launcher;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The infrastructure view's JSON ({@code /infra/topology}) as a test reads it through the site: each node's health by
 * name, asked again until it shows what the test waits for.
 */
final class InfraView {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SiteClient client;

    private final String site;

    InfraView(SiteClient client, String site) {
        this.client = client;
        this.site = site;
    }

    /**
     * Asks until the nodes' health passes, and returns it; fails after {@code limit}. The gateways spread the asking
     * over the web servers, each with a view of its own, as a browser's refreshes are.
     */
    Map<String, String> awaitHealth(Duration limit, String what, Predicate<Map<String, String>> passes)
            throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        Map<String, String> health = Map.of();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = this.client.get(this.site + "infra/topology");
            assertThat(response.statusCode()).as("/infra/topology").isEqualTo(200);
            health = new LinkedHashMap<>();
            for (JsonNode node : JSON.readTree(response.body()).path("nodes").values()) {
                health.put(node.path("name").asString(), node.path("health").asString());
            }
            if (passes.test(health)) {
                return health;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("Not " + what + " within " + limit + ": " + health);
    }
}
