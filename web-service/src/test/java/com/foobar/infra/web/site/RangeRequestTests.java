package com.foobar.infra.web.site;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Range and conditional requests for the site's files follow RFC 9110 as nginx does: a Range that cannot be parsed,
 * or that asks for several ranges, is ignored (the whole file, {@code 200}); one that no byte of the file satisfies
 * is a {@code 416} with {@code Content-Range: bytes *}{@code /N} and a {@code Content-Length} that matches its
 * body, so no proxy waits for bytes that never come; {@code If-Range}, {@code If-Match} and
 * {@code If-None-Match: *} mean what the RFC says.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "management.server.port=0")
class RangeRequestTests {

    private static final String FILE = "/style.css";

    private final HttpClient client = HttpClient.newHttpClient();

    @LocalServerPort
    private int port;

    private HttpResponse<byte[]> whole;

    @BeforeEach
    void fetchTheWholeFile() throws Exception {
        this.whole = send(request());
        assertThat(this.whole.statusCode()).isEqualTo(200);
    }

    @Test
    void shouldServeASatisfiableRange() throws Exception {
        HttpResponse<byte[]> response = send(request().header("Range", "bytes=0-9"));

        assertThat(response.statusCode()).isEqualTo(206);
        assertThat(response.headers().firstValue("Content-Range")).hasValue("bytes 0-9/" + length());
        assertThat(response.body()).hasSize(10);
    }

    @ParameterizedTest
    @ValueSource(strings = { "bytes=abc", "bytes=", "pages=0-9", "bytes=9-0", "bytes=0-,0-", "bytes=0-1,5-9" })
    void shouldIgnoreARangeThatCannotBeParsedOrAsksForSeveral(String range) throws Exception {
        HttpResponse<byte[]> response = send(request().header("Range", range));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(this.whole.body());
    }

    @Test
    void shouldAnswerAnUnsatisfiableRangeWith416AndAnEmptyBodyItsLengthSays() throws Exception {
        long length = length();
        HttpResponse<byte[]> response = send(request().header("Range", "bytes=" + (length + 100) + "-"
                + (length + 200)));

        assertThat(response.statusCode()).isEqualTo(416);
        assertThat(response.headers().firstValue("Content-Range")).hasValue("bytes */" + length);
        assertThat(response.headers().firstValueAsLong("Content-Length")).hasValue(response.body().length);
    }

    @Test
    void shouldServeTheWholeFileWhenIfRangeDoesNotMatch() throws Exception {
        HttpResponse<byte[]> stale = send(request().header("Range", "bytes=0-9").header("If-Range", "\"stale\""));
        HttpResponse<byte[]> current = send(request().header("Range", "bytes=0-9").header("If-Range", etag()));

        assertThat(stale.statusCode()).isEqualTo(200);
        assertThat(stale.body()).isEqualTo(this.whole.body());
        assertThat(current.statusCode()).isEqualTo(206);
    }

    @Test
    void shouldAnswer412WhenIfMatchDoesNotMatch() throws Exception {
        assertThat(send(request().header("If-Match", "\"stale\"")).statusCode()).isEqualTo(412);
        assertThat(send(request().header("If-Match", etag())).statusCode()).isEqualTo(200);
        assertThat(send(request().header("If-Match", "*")).statusCode()).isEqualTo(200);
    }

    @Test
    void shouldAnswer304ForIfNoneMatchStar() throws Exception {
        HttpResponse<byte[]> response = send(request().header("If-None-Match", "*"));

        assertThat(response.statusCode()).isEqualTo(304);
        assertThat(response.body()).isEmpty();
    }

    private long length() {
        return this.whole.body().length;
    }

    private String etag() {
        return this.whole.headers().firstValue("ETag").orElseThrow();
    }

    private HttpRequest.Builder request() {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + FILE));
    }

    private HttpResponse<byte[]> send(HttpRequest.Builder request) throws Exception {
        return this.client.send(request.build(), BodyHandlers.ofByteArray());
    }
}
