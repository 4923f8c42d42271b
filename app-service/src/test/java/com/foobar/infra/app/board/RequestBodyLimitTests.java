package com.foobar.infra.app.board;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import com.foobar.infra.app.ServerTestSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The request size limit on a real server: a body is refused whether it declares its length or is streamed
 * (chunked, with no length), which MockMvc cannot send.
 */
class RequestBodyLimitTests extends ServerTestSupport {

    private static final int LIMIT = 64 * 1024;

    @Test
    void shouldRefuseADeclaredBodyOverTheLimitWithA413Problem() throws Exception {
        HttpResponse<String> response = send(BodyPublishers.ofString(postOfLength(LIMIT)));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"status\":413")
                .contains("The request body is larger than the limit of 64 KiB.");
    }

    @Test
    void shouldRefuseAStreamedBodyOverTheLimitWithA413Problem() throws Exception {
        byte[] body = postOfLength(LIMIT).getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> response = send(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("The request body is larger than the limit of 64 KiB.");
    }

    @Test
    void shouldAcceptAStreamedBodyUnderTheLimit() throws Exception {
        byte[] body = "{\"body\": \"streamed\"}".getBytes(StandardCharsets.UTF_8);

        assertThat(send(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).statusCode())
                .isEqualTo(201);
    }

    private HttpResponse<String> send(HttpRequest.BodyPublisher body) throws Exception {
        return send(json("/api/posts").POST(body));
    }

    /** A post whose JSON is just over {@code bytes} long (its body over the post limit too, checked later). */
    private static String postOfLength(int bytes) {
        return "{\"body\": \"" + "a".repeat(bytes) + "\"}";
    }
}
