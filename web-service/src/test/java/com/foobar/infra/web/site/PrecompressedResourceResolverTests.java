package com.foobar.infra.web.site;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Mono;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.reactive.resource.HttpResource;
import org.springframework.web.reactive.resource.ResourceResolverChain;
import org.springframework.web.server.ServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;

class PrecompressedResourceResolverTests {

    @TempDir
    private Path site;

    private final PrecompressedResourceResolver resolver = new PrecompressedResourceResolver();

    @BeforeEach
    void writeFiles() throws IOException {
        Files.writeString(this.site.resolve("page.html"), "plain");
        Files.writeString(this.site.resolve("page.html.br"), "brotli");
        Files.writeString(this.site.resolve("page.html.gz"), "gzip");
        Files.writeString(this.site.resolve("style.css"), "plain");
        Files.writeString(this.site.resolve("style.css.gz"), "gzip");
    }

    @Test
    void shouldPreferBrotliWhateverTheClientsOrder() {
        assertThat(codingOf("page.html", "gzip, deflate, br, zstd")).isEqualTo("br");
    }

    @Test
    void shouldFallBackToGzipWhenBrotliIsNotAcceptedOrNotThere() {
        assertThat(codingOf("page.html", "gzip")).isEqualTo("gzip");
        assertThat(codingOf("page.html", "br;q=0, gzip;q=0.5")).isEqualTo("gzip");
        assertThat(codingOf("style.css", "gzip, br")).isEqualTo("gzip");
    }

    @Test
    void shouldLetANamedCodingOverrideTheWildcard() {
        assertThat(codingOf("page.html", "*")).isEqualTo("br");
        assertThat(codingOf("page.html", "*;q=0, gzip")).isEqualTo("gzip");
        assertThat(codingOf("page.html", "br;q=0, *")).isEqualTo("gzip");
    }

    @Test
    void shouldSendThePlainFileWhenNoVariantIsAccepted() {
        assertThat(codingOf("page.html", "identity")).isNull();
        assertThat(codingOf("page.html", "br;q=0, gzip;q=0")).isNull();
        assertThat(codingOf("page.html", "br;q=high")).isNull();
        assertThat(codingOf("page.html", null)).isNull();
    }

    @Test
    void shouldSendTheVariantsBytesUnderTheFilesName() throws IOException {
        Resource resolved = resolve("page.html", "br");

        assertThat(resolved.getFilename()).isEqualTo("page.html");
        assertThat(resolved.getContentAsByteArray()).asString().isEqualTo("brotli");
        assertThat(((HttpResource) resolved).getResponseHeaders().getVary())
                .containsExactly(HttpHeaders.ACCEPT_ENCODING);
    }

    private @Nullable String codingOf(String file, @Nullable String acceptEncoding) {
        Resource resolved = resolve(file, acceptEncoding);
        return (resolved instanceof HttpResource variant)
                ? variant.getResponseHeaders().getFirst(HttpHeaders.CONTENT_ENCODING) : null;
    }

    private Resource resolve(String file, @Nullable String acceptEncoding) {
        MockServerHttpRequest.BaseBuilder<?> request = MockServerHttpRequest.get("/" + file);
        if (acceptEncoding != null) {
            request.header(HttpHeaders.ACCEPT_ENCODING, acceptEncoding);
        }
        Resource resolved = this.resolver.resolveResource(MockServerWebExchange.from(request), file, List.of(),
                new FileChain()).block();
        assertThat(resolved).isNotNull();
        return resolved;
    }

    /** The rest of the chain: finds the plain file in the site directory. */
    private final class FileChain implements ResourceResolverChain {

        @Override
        public Mono<Resource> resolveResource(@Nullable ServerWebExchange exchange,
                String requestPath, List<? extends Resource> locations) {
            return Mono.just(new FileSystemResource(PrecompressedResourceResolverTests.this.site.resolve(requestPath)));
        }

        @Override
        public Mono<String> resolveUrlPath(String resourcePath, List<? extends Resource> locations) {
            return Mono.just(resourcePath);
        }
    }
}
