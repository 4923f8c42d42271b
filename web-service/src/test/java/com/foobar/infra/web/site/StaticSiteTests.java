package com.foobar.infra.web.site;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.decoder.Decoder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.netty.http.client.HttpClient;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The static site as the built jar serves it: the files the {@code site-assets} build step wrote into
 * {@code target/classes/static}, through the real server and resource handlers.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "management.server.port=0")
@Import(StaticSiteTests.FailingPage.class)
class StaticSiteTests {

    private static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,*/*;q=0.8";

    private static final Pattern HASHED_STYLESHEET = Pattern.compile("href=\"(/assets/style\\.[0-9a-f]{12}\\.css)\"");

    @LocalServerPort
    private int port;

    private WebTestClient client;

    // A port that was free a moment ago: the forwarded /api request is refused, as when the app server is down.
    @DynamicPropertySource
    static void unreachableApplicationServer(DynamicPropertyRegistry registry) throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        registry.add("FOOBAR_APP_URL", () -> "http://127.0.0.1:" + closedPort);
    }

    @BeforeEach
    void connect() {
        // A plain Reactor Netty client: Spring's default one asks for gzip and decodes it, hiding what was sent.
        this.client = WebTestClient.bindToServer(new ReactorClientHttpConnector(HttpClient.create()))
                .baseUrl("http://127.0.0.1:" + this.port)
                .build();
    }

    @Test
    void shouldServePagesRevalidatedWithValidatorsAndHashedReferences() {
        EntityExchangeResult<String> page = get("/").expectStatus().isOk()
                .expectHeader().cacheControl(CacheControl.noCache())
                .expectHeader().contentType("text/html;charset=UTF-8")
                .expectBody(String.class).returnResult();

        assertThat(page.getResponseHeaders().getETag()).matches("\"[0-9a-f]{32}\"");
        assertThat(page.getResponseHeaders().getLastModified()).isPositive();
        assertThat(page.getResponseBody()).containsPattern(HASHED_STYLESHEET)
                .containsPattern("src=\"/assets/app\\.[0-9a-f]{12}\\.js\"")
                .doesNotContain("href=\"/style.css\"", "src=\"/app.js\"");
    }

    @Test
    void shouldServeAPageByItsNameWithoutExtension() {
        String index = body(get("/index").expectStatus().isOk());

        assertThat(index).isEqualTo(body(get("/")));
    }

    @Test
    void shouldAnswerIfNoneMatchWithNotModified() {
        String etag = get("/").expectBody().returnResult().getResponseHeaders().getETag();

        this.client.get().uri("/").header(HttpHeaders.IF_NONE_MATCH, etag).exchange()
                .expectStatus().isNotModified()
                .expectHeader().valueEquals(HttpHeaders.ETAG, etag)
                .expectHeader().valueEquals(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING)
                .expectBody().isEmpty();
    }

    @Test
    void shouldAnswerIfModifiedSinceWithNotModifiedOnlyWhenUnchanged() {
        long lastModified = get("/style.css").expectBody().returnResult().getResponseHeaders().getLastModified();
        ZonedDateTime unchangedSince = ZonedDateTime.now().plusMinutes(1);
        ZonedDateTime earlier = ZonedDateTime.now().minusYears(30);

        this.client.get().uri("/style.css").ifModifiedSince(unchangedSince).exchange()
                .expectStatus().isNotModified()
                .expectHeader().lastModified(lastModified);
        this.client.get().uri("/style.css").ifModifiedSince(earlier).exchange()
                .expectStatus().isOk();
    }

    @Test
    void shouldCacheHashedAssetsForAYearAsImmutable() {
        String stylesheet = hashedStylesheet();

        String hashed = body(get(stylesheet).expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "max-age=31536000, public, immutable")
                .expectHeader().contentType("text/css;charset=UTF-8")
                .expectHeader().exists(HttpHeaders.ETAG)
                .expectHeader().exists(HttpHeaders.LAST_MODIFIED));

        assertThat(hashed).isEqualTo(body(get("/style.css").expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL,
                "no-cache")));
    }

    @Test
    void shouldPreferBrotliWhateverTheClientsOrder() throws IOException {
        String stylesheet = hashedStylesheet();
        EntityExchangeResult<byte[]> identity = encoded(stylesheet, "identity");
        EntityExchangeResult<byte[]> brotli = encoded(stylesheet, "gzip, deflate, br, zstd");

        assertThat(brotli.getResponseHeaders().getFirst(HttpHeaders.CONTENT_ENCODING)).isEqualTo("br");
        assertThat(brotli.getResponseHeaders().getVary()).containsExactly(HttpHeaders.ACCEPT_ENCODING);
        assertThat(brotli.getResponseHeaders().getContentType()).hasToString("text/css;charset=UTF-8");
        assertThat(brotli.getResponseHeaders().getETag()).isNotEqualTo(identity.getResponseHeaders().getETag());
        assertThat(brotli.getResponseBody()).hasSizeLessThan(identity.getResponseBody().length);
        Brotli4jLoader.ensureAvailability();
        assertThat(Decoder.decompress(brotli.getResponseBody()).getDecompressedData())
                .isEqualTo(identity.getResponseBody());
    }

    @Test
    void shouldServeGzipToClientsRefusingBrotli() throws IOException {
        EntityExchangeResult<byte[]> identity = encoded("/", "identity");
        EntityExchangeResult<byte[]> gzip = encoded("/", "br;q=0, gzip");

        assertThat(gzip.getResponseHeaders().getFirst(HttpHeaders.CONTENT_ENCODING)).isEqualTo("gzip");
        assertThat(gzip.getResponseHeaders().getVary()).containsExactly(HttpHeaders.ACCEPT_ENCODING);
        assertThat(gzip.getResponseHeaders().getETag()).isNotEqualTo(identity.getResponseHeaders().getETag());
        try (InputStream decoded = new GZIPInputStream(new ByteArrayInputStream(gzip.getResponseBody()))) {
            assertThat(decoded.readAllBytes()).isEqualTo(identity.getResponseBody());
        }
    }

    @Test
    void shouldVaryThePlainFileToo() {
        EntityExchangeResult<byte[]> identity = encoded("/app.js", "identity");

        assertThat(identity.getResponseHeaders().getFirst(HttpHeaders.CONTENT_ENCODING)).isNull();
        assertThat(identity.getResponseHeaders().getVary()).containsExactly(HttpHeaders.ACCEPT_ENCODING);
    }

    @Test
    void shouldShowTheNotFoundPageInTheSitesLookToBrowsers() {
        String page = body(this.client.get().uri("/no-such-page").header(HttpHeaders.ACCEPT, BROWSER_ACCEPT)
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML));

        Matcher stylesheet = HASHED_STYLESHEET.matcher(page);
        assertThat(page).contains("Page not found");
        assertThat(stylesheet.find()).isTrue();
        get(stylesheet.group(1)).expectStatus().isOk();
    }

    @Test
    void shouldShowTheServerErrorPageToBrowsers() {
        String page = body(this.client.get().uri(FailingPage.PATH).header(HttpHeaders.ACCEPT, BROWSER_ACCEPT)
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR)
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML));

        assertThat(page).contains("Something went wrong on our side").containsPattern(HASHED_STYLESHEET)
                .doesNotContain(FailingPage.FAILURE);
    }

    @Test
    void shouldKeepProblemDetailsForApiRequestsFromBrowsers() {
        this.client.get().uri("/api/posts").header(HttpHeaders.ACCEPT, BROWSER_ACCEPT).exchange()
                .expectStatus().isEqualTo(HttpStatus.BAD_GATEWAY)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(502);
    }

    @Test
    void shouldKeepProblemDetailsForServerErrorsOfNonBrowsers() {
        this.client.get().uri(FailingPage.PATH).header(HttpHeaders.ACCEPT, "*/*").exchange()
                .expectStatus().isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(String.class).value(body -> assertThat(body).doesNotContain(FailingPage.FAILURE));
    }

    private WebTestClient.ResponseSpec get(String path) {
        return this.client.get().uri(path).exchange();
    }

    private EntityExchangeResult<byte[]> encoded(String path, String acceptEncoding) {
        return this.client.get().uri(path).header(HttpHeaders.ACCEPT_ENCODING, acceptEncoding).exchange()
                .expectStatus().isOk()
                .expectBody(byte[].class).returnResult();
    }

    private String hashedStylesheet() {
        Matcher stylesheet = HASHED_STYLESHEET.matcher(body(get("/")));
        assertThat(stylesheet.find()).isTrue();
        return stylesheet.group(1);
    }

    private static String body(WebTestClient.ResponseSpec response) {
        byte[] body = response.expectBody(byte[].class).returnResult().getResponseBody();
        return new String(body, StandardCharsets.UTF_8);
    }

    /** A page whose handler fails, standing in for any server error on a page request. */
    @TestConfiguration(proxyBeanMethods = false)
    static class FailingPage {

        static final String PATH = "/failing-page";

        static final String FAILURE = "internal detail that must not reach the client";

        @Bean
        RouterFunction<ServerResponse> failingPage() {
            return RouterFunctions.route().GET(PATH, request -> {
                throw new IllegalStateException(FAILURE);
            }).build();
        }
    }
}
