package com.foobar.infra.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.foobar.infra.balancing.backend.BackendProcess;
import com.foobar.infra.balancing.backend.GroupsFile;
import com.foobar.infra.balancing.pool.Backend;
import com.foobar.infra.balancing.pool.BackendGroupRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A web server in front of three application servers that are real processes, with the launcher's settings
 * (health checks every 500 ms with a 2 s timeout, down after 3 failures, up after 2 passes; app-1 preferred): it
 * sends everything to its own application server, moves to the others without a client error when that one is
 * killed with {@code SIGKILL}, comes back when it returns, and answers problems when no application server can.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = { "management.server.port=0", "foobar.balancing.config-poll-interval=100ms",
                "FOOBAR_PREFERRED_APP=app-1" })
class WebServiceFailoverTests {

    private static final List<BackendProcess> apps = BackendProcess.startAll("app", 3);

    private static final Path configFile = temporaryFile();

    private final HttpClient client = HttpClient.newHttpClient();

    @LocalServerPort
    private int port;

    @Autowired
    private BackendGroupRegistry registry;

    @DynamicPropertySource
    static void applicationServers(DynamicPropertyRegistry registry) {
        registry.add("FOOBAR_WEB_CONFIG", configFile::toString);
        new GroupsFile().group("app-service", List.of("health-check:", "  interval: 500ms",
                "  timeout: 2s", "  fall: 3", "  rise: 2"), apps).writeTo(configFile);
    }

    @AfterAll
    static void stop() {
        apps.forEach(BackendProcess::close);
    }

    @BeforeEach
    void allApplicationServersUp() {
        apps.forEach((app) -> {
            if (!app.isAlive()) {
                app.restart();
            }
            app.set("delay=0&status=200&ready=true");
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> this.registry.group("app-service").backends().stream()
            .allMatch(Backend::isAvailable));
    }

    @Test
    void shouldSendEveryRequestToItsOwnApplicationServer() {
        for (int i = 0; i < 10; i++) {
            assertThat(servedBy(get("/api/posts"))).isEqualTo("app-1");
        }
    }

    @Test
    void shouldMoveToTheBackupsWithoutAClientErrorWhenItsApplicationServerIsKilled() throws Exception {
        BackendProcess own = apps.getFirst();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        AtomicInteger sent = new AtomicInteger();
        AtomicBoolean running = new AtomicBoolean(true);
        try (ExecutorService load = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 4; i++) {
                load.submit(() -> {
                    while (running.get()) {
                        HttpResponse<String> response = get("/api/posts");
                        sent.incrementAndGet();
                        if (response.statusCode() != 200) {
                            failures.add(response.statusCode() + " " + response.body());
                        }
                    }
                });
            }
            await().until(() -> sent.get() > 50);

            long killed = System.nanoTime();
            own.kill();
            long gone = System.nanoTime();
            // Passive: the first request after the kill finds the port closed and goes to a backup at once;
            // a POST too, since nothing was sent.
            HttpResponse<String> post = send(HttpRequest.newBuilder(uri("/api/posts"))
                .POST(BodyPublishers.ofString("{\"body\":\"hi\"}")).header("Content-Type", "application/json"));
            long firstAnswered = System.nanoTime();
            Backend checked = this.registry.group("app-service").backends().getFirst();
            await().atMost(Duration.ofSeconds(5)).until(() -> !checked.isCheckedUp());
            long down = System.nanoTime();
            await().until(() -> sent.get() > 100);
            running.set(false);

            assertThat(post.statusCode()).isEqualTo(200);
            assertThat(servedBy(post)).isIn("app-2", "app-3");
            assertThat(failures).isEmpty();
            System.out.printf("Failover figures: app-1 gone %d ms after SIGKILL; the next POST answered by %s in %d ms; "
                    + "app-1 checked DOWN %d ms after the kill; %d requests, %d errors%n", (gone - killed) / 1_000_000,
                    servedBy(post), (firstAnswered - gone) / 1_000_000, (down - killed) / 1_000_000, sent.get(),
                    failures.size());
            assertThat(Duration.ofNanos(down - killed)).isLessThan(Duration.ofMillis(2000));
        }
        assertThat(servedBy(get("/api/posts"))).isIn("app-2", "app-3");
        own.restart();
        await().atMost(Duration.ofSeconds(10)).until(() -> servedBy(get("/api/posts")).equals("app-1"));
    }

    @Test
    void shouldAnswerServiceUnavailableProblemWhenNoApplicationServerIsUp() {
        apps.forEach((app) -> app.set("ready=false"));
        await().atMost(Duration.ofSeconds(5)).until(() -> get("/api/posts").statusCode() == 503);

        HttpResponse<String> response = get("/api/posts");

        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"status\":503").doesNotContain("app-1", "127.0.0.1", "Exception");
    }

    @Test
    void shouldAnswerBadGatewayProblemAndNotReplayAPostWhenTheApplicationServerDropsTheConnection() {
        int backups = apps.get(1).served() + apps.get(2).served();

        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/posts/drop"))
            .POST(BodyPublishers.ofString("{\"body\":\"hi\"}")).header("Content-Type", "application/json"));

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"status\":502").doesNotContain("app-1", "Exception");
        assertThat(apps.get(1).served() + apps.get(2).served()).isEqualTo(backups);
    }

    private HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).header("Accept", "application/json"));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return this.client.send(request.timeout(Duration.ofSeconds(10)).build(), BodyHandlers.ofString());
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + this.port + path);
    }

    private static String servedBy(HttpResponse<String> response) {
        String servedBy = response.headers().firstValue("X-Served-By").orElse("");
        return servedBy.substring(servedBy.lastIndexOf(',') + 1).trim();
    }

    private static Path temporaryFile() {
        try {
            Path file = Files.createTempFile("web", ".yml");
            file.toFile().deleteOnExit();
            return file;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
