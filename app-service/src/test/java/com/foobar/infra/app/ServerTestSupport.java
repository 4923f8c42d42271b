package com.foobar.infra.app;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What the tests of a real server share (one application context on a random port, against the
 * {@link TestDatabase}): for what MockMvc cannot show, such as a streamed request body or the cookies exactly as
 * the servlet container writes them.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
public abstract class ServerTestSupport {

    protected final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    private int port;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    /** A JSON request to {@code path} on the server; the caller sets the method and body. */
    protected HttpRequest.Builder json(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
                .header("Content-Type", "application/json");
    }

    protected HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return this.http.send(request.build(), BodyHandlers.ofString());
    }
}
