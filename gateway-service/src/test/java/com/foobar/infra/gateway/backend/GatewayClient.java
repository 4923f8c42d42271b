package com.foobar.infra.gateway.backend;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;

import javax.net.ssl.SSLContext;

/**
 * An HTTPS client of the gateway under test, optionally connecting from another loopback address
 * ({@code 127.0.0.N}), so that one test can play many clients.
 */
public final class GatewayClient {

    private final HttpClient client;

    private final String base;

    public GatewayClient(SSLContext trusting, int httpsPort) {
        this(trusting, httpsPort, null);
    }

    public GatewayClient(SSLContext trusting, int httpsPort, InetAddress localAddress) {
        HttpClient.Builder builder = HttpClient.newBuilder().sslContext(trusting).version(HttpClient.Version.HTTP_1_1);
        if (localAddress != null) {
            builder.localAddress(localAddress);
        }
        this.client = builder.build();
        this.base = "https://127.0.0.1:" + httpsPort;
    }

    public HttpResponse<String> get(String path) {
        return send(request(path).build());
    }

    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(this.base + path));
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return this.client.send(request, BodyHandlers.ofString());
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    /** The backend that answered, from the {@code X-Served-By} it set. */
    public static String servedBy(HttpResponse<String> response) {
        String servedBy = response.headers().firstValue("X-Served-By").orElse("");
        return servedBy.substring(servedBy.lastIndexOf(' ') + 1);
    }
}
