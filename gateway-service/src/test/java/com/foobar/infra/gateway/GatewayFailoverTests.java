package com.foobar.infra.gateway;

import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.foobar.infra.balancing.backend.BackendProcess;
import com.foobar.infra.balancing.backend.GroupsFile;
import com.foobar.infra.gateway.backend.GatewayClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.foobar.infra.gateway.backend.GatewayClient.servedBy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What happens when backends die, break or come back, with real backend processes killed with {@code SIGKILL}:
 * group {@code checked} has active checks every 200 ms (fall 3, rise 2) and passive ejection after 3 errors for 2 s;
 * group {@code unchecked} has neither, so only retries stand between a dead backend and the client.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "management.server.port=0",
        "foobar.gateway.http-redirect-port=0", "foobar.gateway.rate-limit.enabled=false",
        "spring.cloud.gateway.server.webflux.routes[0].id=checked",
        "spring.cloud.gateway.server.webflux.routes[0].uri=lb://checked",
        "spring.cloud.gateway.server.webflux.routes[0].predicates[0]=Path=/checked/**",
        "spring.cloud.gateway.server.webflux.routes[1].id=unchecked",
        "spring.cloud.gateway.server.webflux.routes[1].uri=lb://unchecked",
        "spring.cloud.gateway.server.webflux.routes[1].predicates[0]=Path=/unchecked/**" })
class GatewayFailoverTests extends GatewayWithBackendProcesses {

    private static final List<BackendProcess> backends = BackendProcess.startAll("f", 3);

    private static final Path configFile = GatewayTestFiles.temporaryFile("gateway", ".yml");

    @DynamicPropertySource
    static void groups(DynamicPropertyRegistry registry) {
        registry.add("foobar.balancing.config-file", configFile::toString);
        new GroupsFile()
            .group("checked", List.of("health-check:", "  interval: 200ms", "  timeout: 500ms", "  fall: 3",
                    "  rise: 2", "ejection:", "  consecutive-errors: 3", "  cool-down: 2s"), backends)
            .group("unchecked", List.of("health-check:", "  interval: 1h", "ejection:", "  consecutive-errors: 0"),
                    backends)
            .writeTo(configFile);
    }

    @AfterAll
    static void stop() {
        backends.forEach(BackendProcess::close);
    }

    @BeforeEach
    void allBackendsHealthy() {
        backends.forEach((backend) -> backend.set("delay=0&status=200&ready=true"));
        await().atMost(Duration.ofSeconds(10)).until(() -> !stats().contains("\"state\":\"DOWN\"")
                && !stats().contains("\"state\":\"EJECTED\""));
    }

    @Test
    void shouldTakeKilledBackendOutWithinIntervalTimesFallWithoutFailingAGet() throws Exception {
        GatewayClient client = client();
        BackendProcess victim = backends.get(1);
        AtomicBoolean running = new AtomicBoolean(true);
        ConcurrentLinkedQueue<Integer> statuses = new ConcurrentLinkedQueue<>();
        Thread load = Thread.ofVirtual().start(() -> {
            while (running.get()) {
                statuses.add(client.get("/checked/page").statusCode());
            }
        });
        try {
            victim.kill();
            long killed = System.nanoTime();
            await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20))
                .until(() -> stats().contains("\"name\":\"f-2\",\"uri\":\"" + victim.uri() + "\",\"state\":\"DOWN\""));
            long millisToDown = (System.nanoTime() - killed) / 1_000_000;
            // interval x fall = 600 ms, plus one check interval of scheduling slack and a busy machine's margin.
            assertThat(millisToDown).isLessThan(2_000);

            victim.restart();
            await().atMost(Duration.ofSeconds(5)).until(() -> stats().contains("\"name\":\"f-2\",\"uri\":\""
                    + victim.uri() + "\",\"state\":\"UP\""));
            await().atMost(Duration.ofSeconds(5)).until(() -> servedBy(client.get("/checked/page")).equals("f-2"));
        }
        finally {
            running.set(false);
            load.join();
        }
        assertThat(statuses).isNotEmpty().containsOnly(200);
    }

    @Test
    void shouldNeverRetryOnTheDeadBackendAndLoseNoGet() {
        GatewayClient client = client();
        BackendProcess victim = backends.get(2);
        victim.kill();
        try {
            for (int i = 0; i < 30; i++) {
                HttpResponse<String> response = client.get("/unchecked/page");
                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(servedBy(response)).isNotEqualTo("f-3");
            }
            assertThat(GatewayTestFiles.get(this.managementPort, "/actuator/prometheus"))
                .containsPattern("foobar_backend_retries_total\\{backend=\"f-3\",group=\"unchecked\"} [1-9][0-9]*\\.0");
        }
        finally {
            victim.restart();
        }
    }

    @Test
    void shouldNotReplayPostThatReachedTheBackendButReplayGet() {
        GatewayClient client = client();
        int before = served();

        HttpResponse<String> post = client.send(client.request("/unchecked/drop")
            .POST(BodyPublishers.ofString("{\"body\":\"once\"}")).header("Content-Type", "application/json").build());

        assertThat(post.statusCode()).isEqualTo(502);
        assertThat(post.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(served() - before).isEqualTo(1);

        HttpResponse<String> get = client.get("/unchecked/drop");
        assertThat(get.statusCode()).isEqualTo(502);
        // The first try and both retries (retries: 2), each on another backend.
        assertThat(served() - before).isEqualTo(4);
    }

    @Test
    void shouldEjectBackendAnsweringErrorsAndTakeItBackAfterCoolDown() {
        GatewayClient client = client();
        BackendProcess failing = backends.get(0);
        failing.set("status=500");
        AtomicInteger errors = new AtomicInteger();
        await().atMost(Duration.ofSeconds(5)).until(() -> {
            if (client.get("/checked/page").statusCode() == 500) {
                errors.incrementAndGet();
            }
            return stats().contains("\"name\":\"f-1\",\"uri\":\"" + failing.uri() + "\",\"state\":\"EJECTED\"");
        });
        assertThat(errors.get()).isEqualTo(3);
        for (int i = 0; i < 20; i++) {
            assertThat(client.get("/checked/page").statusCode()).isEqualTo(200);
        }

        failing.set("status=200");
        await().atMost(Duration.ofSeconds(5)).until(() -> servedBy(client.get("/checked/page")).equals("f-1"));
    }

    @Test
    void shouldDrainBackendWhoseReadinessGoesDown() {
        GatewayClient client = client();
        BackendProcess leaving = backends.get(0);
        leaving.set("ready=false");
        await().atMost(Duration.ofSeconds(3)).until(() -> stats().contains("\"name\":\"f-1\",\"uri\":\""
                + leaving.uri() + "\",\"state\":\"DOWN\""));

        for (int i = 0; i < 20; i++) {
            HttpResponse<String> response = client.get("/checked/page");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(servedBy(response)).isNotEqualTo("f-1");
        }
    }

    @Test
    void shouldNotLetAnyoneOnTheManagementPortDrainABackendByDefault() {
        int status = GatewayTestFiles.post(this.managementPort, "/actuator/backends/checked/f-1",
                "{\"state\":\"drain\"}");

        assertThat(status).isBetween(400, 499);
        assertThat(stats()).doesNotContain("\"state\":\"DRAIN\"");
    }

    private static int served() {
        return backends.stream().mapToInt(BackendProcess::served).sum();
    }
}
