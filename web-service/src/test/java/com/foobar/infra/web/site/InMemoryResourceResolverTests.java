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
import org.springframework.web.reactive.resource.ResourceResolverChain;
import org.springframework.web.server.ServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

class InMemoryResourceResolverTests {

    @TempDir
    private Path site;

    private InMemoryResourceResolver resolver;

    private List<Resource> locations;

    @BeforeEach
    void writeAndReadTheSite() throws IOException {
        Files.createDirectories(this.site.resolve("assets"));
        Files.writeString(this.site.resolve("page.html"), "plain");
        Files.writeString(this.site.resolve("page.html.br"), "brotli");
        Files.writeString(this.site.resolve("assets/app.123.js"), "script");
        String location = this.site.toUri().toString();
        this.resolver = new InMemoryResourceResolver(new StaticSiteFiles(location));
        this.locations = List.of(new FileSystemResource(this.site.toString() + "/"));
    }

    @Test
    void shouldAnswerFromMemoryWithTheFilesNameLengthAndDate() throws IOException {
        Resource page = resolve("page.html");

        assertThat(page).isInstanceOf(InMemorySiteFile.class);
        assertThat(page.getFilename()).isEqualTo("page.html");
        assertThat(page.getContentAsByteArray()).asString().isEqualTo("plain");
        assertThat(page.contentLength()).isEqualTo(5);
        assertThat(page.lastModified()).isEqualTo(Files.getLastModifiedTime(this.site.resolve("page.html")).toMillis());
        assertThat(resolve("assets/app.123.js").getContentAsByteArray()).asString().isEqualTo("script");
    }

    @Test
    void shouldFindAPrecompressedVariantBesideTheFileInMemory() throws IOException {
        Resource variant = resolve("page.html").createRelative("page.html.br");

        assertThat(variant).isInstanceOf(InMemorySiteFile.class);
        assertThat(variant.getContentAsByteArray()).asString().isEqualTo("brotli");
        assertThat(resolve("page.html").createRelative("page.html.gz").exists()).isFalse();
    }

    @Test
    void shouldResolveNothingForAPathThatIsNotOneOfTheSitesFiles() {
        assertThat(this.resolver.resolveResource(null, "missing.html", this.locations, new NoChain()).block())
                .isNull();
        assertThat(this.resolver.resolveResource(null, "assets", this.locations, new NoChain()).block()).isNull();
    }

    private Resource resolve(String path) {
        Resource resolved = this.resolver.resolveResource(null, path, this.locations, new NoChain()).block();
        assertThat(resolved).as(path).isNotNull();
        return resolved;
    }

    /** The resolver is the last of the chain: it must never ask further. */
    private static final class NoChain implements ResourceResolverChain {

        @Override
        public Mono<Resource> resolveResource(@Nullable ServerWebExchange exchange,
                String requestPath, List<? extends Resource> locations) {
            return fail("asked the chain for " + requestPath);
        }

        @Override
        public Mono<String> resolveUrlPath(String resourcePath, List<? extends Resource> locations) {
            return fail("asked the chain for " + resourcePath);
        }
    }
}
