package com.foobar.infra.gateway;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server on 127.0.0.1 standing in for one web node: it answers {@code /} with its name and
 * {@code X-Served-By: <name>}, any other path with 404 (and the same header), and counts the requests it served.
 */
final class StubWebServer implements AutoCloseable {

    private final String name;

    private final HttpServer server;

    private final AtomicInteger requests = new AtomicInteger();

    StubWebServer(String name) {
        this.name = name;
        try {
            this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        this.server.createContext("/", this::handle);
        this.server.start();
    }

    String name() {
        return this.name;
    }

    String url() {
        return "http://127.0.0.1:" + this.server.getAddress().getPort();
    }

    int requests() {
        return this.requests.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        this.requests.incrementAndGet();
        byte[] body = this.name.getBytes(StandardCharsets.UTF_8);
        int status = exchange.getRequestURI().getPath().equals("/") ? 200 : 404;
        exchange.getResponseHeaders().set("X-Served-By", this.name);
        exchange.getResponseHeaders().set("Content-Type", "text/plain");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        this.server.stop(0);
    }
}
