package com.foobar.infra.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server on 127.0.0.1 standing in for {@code app-9}: it answers {@code /api/posts} with JSON and
 * {@code X-Served-By: app-9}, anything else with 404, and records each request line it receives and the forwarded
 * headers of the last one.
 */
final class StubApplicationServer implements AutoCloseable {

    private final HttpServer server;

    private final List<String> requests = new CopyOnWriteArrayList<>();

    private volatile Map<String, List<String>> forwarded = Map.of();

    StubApplicationServer() {
        try {
            this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        this.server.createContext("/", this::handle);
        this.server.start();
    }

    String url() {
        return "http://127.0.0.1:" + this.server.getAddress().getPort();
    }

    List<String> requests() {
        return this.requests;
    }

    /** The {@code Forwarded} and {@code X-Forwarded-*} headers of the last request, by lower-case name. */
    Map<String, List<String>> forwarded() {
        return this.forwarded;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        this.requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " " + body);
        Map<String, List<String>> headers = new TreeMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.equals("forwarded") || lower.startsWith("x-forwarded-")) {
                headers.put(lower, List.copyOf(values));
            }
        });
        this.forwarded = headers;
        exchange.getResponseHeaders().set("X-Served-By", "app-9");
        if (!exchange.getRequestURI().getPath().equals("/api/posts")) {
            respond(exchange, 404, "{\"status\":404}");
        }
        else if (exchange.getRequestMethod().equals("POST")) {
            exchange.getResponseHeaders().set("Location", "/api/posts/2");
            respond(exchange, 201, "{\"id\":2," + body.substring(1));
        }
        else {
            respond(exchange, 200, "[{\"id\":1,\"body\":\"hello from app-9\"}]");
        }
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (var body = exchange.getResponseBody()) {
            body.write(bytes);
        }
    }

    @Override
    public void close() {
        this.server.stop(0);
    }
}
