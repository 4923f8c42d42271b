package com.foobar.infra.gateway;

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

/**
 * Small helpers of the gateway tests: a temporary file deleted at exit, and plain HTTP calls to the management port.
 */
final class GatewayTestFiles {

    private static final HttpClient management = HttpClient.newHttpClient();

    private GatewayTestFiles() {
    }

    static Path temporaryFile(String prefix, String suffix) {
        try {
            Path file = Files.createTempFile(prefix, suffix);
            file.toFile().deleteOnExit();
            return file;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    static String get(int managementPort, String path) {
        return get(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + path)).build());
    }

    /** Posts JSON to the management port and returns the response's status. */
    static int post(int managementPort, String path, String json) {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + path))
            .header("Content-Type", "application/json")
            .POST(BodyPublishers.ofString(json))
            .build()).statusCode();
    }

    private static String get(HttpRequest request) {
        return send(request).body();
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return management.send(request, BodyHandlers.ofString());
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }
}
