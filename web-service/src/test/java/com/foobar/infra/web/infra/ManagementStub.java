package com.foobar.infra.web.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server on 127.0.0.1 standing in for a node's management server: readiness, a Prometheus scrape and
 * health details, each set by the test, and a count of the requests each path received.
 */
final class ManagementStub implements AutoCloseable {

    private final HttpServer server;

    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();

    private volatile int readinessStatus = 200;

    private volatile String prometheus = "";

    private volatile String health = "{\"status\":\"UP\"}";

    private volatile long delayMillis;

    ManagementStub() {
        try {
            this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        this.server.createContext("/", this::handle);
        this.server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + this.server.getAddress().getPort());
    }

    void readiness(int status) {
        this.readinessStatus = status;
    }

    void prometheus(String text) {
        this.prometheus = text;
    }

    /** Answers every request this much later, as a node too busy to answer in time. */
    void delay(long millis) {
        this.delayMillis = millis;
    }

    void health(String json) {
        this.health = json;
    }

    int requests(String path) {
        return this.requests.getOrDefault(path, new AtomicInteger()).get();
    }

    int requests() {
        return this.requests.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        this.requests.computeIfAbsent(path, (key) -> new AtomicInteger()).incrementAndGet();
        if (this.delayMillis > 0) {
            try {
                Thread.sleep(this.delayMillis);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        }
        switch (path) {
            case "/actuator/health/readiness" -> respond(exchange, this.readinessStatus, "application/json",
                    "{\"status\":\"" + (this.readinessStatus == 200 ? "UP" : "OUT_OF_SERVICE") + "\"}");
            case "/actuator/prometheus" -> respond(exchange, 200, "text/plain;version=0.0.4;charset=utf-8",
                    this.prometheus);
            case "/actuator/health" -> respond(exchange, this.health.contains("\"DOWN\"") ? 503 : 200,
                    "application/vnd.spring-boot.actuator.v3+json", this.health);
            default -> respond(exchange, 404, "application/json", "{}");
        }
    }

    private static void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        this.server.stop(0);
    }

}
