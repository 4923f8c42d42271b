package com.foobar.infra.assets;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.decoder.Decoder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class AssetPipelineTests {

    private static final String PAGE = """
            <!DOCTYPE html>
            <link rel="stylesheet" href="/style.css">
            <script src='/app.js?v=1' defer></script>
            <img src="/img/logo.svg" alt="">
            <a href="/infra">Infrastructure</a> <a href="style.css">relative</a> <a href="/api/posts">API</a>
            """.repeat(4);

    private static final String STYLESHEET = "body { background: url(\"/img/logo.svg\"); color: #123; }\n".repeat(20);

    @TempDir
    private Path source;

    @TempDir
    private Path output;

    @BeforeEach
    void writeSite() throws IOException {
        write("index.html", PAGE);
        write("error/404.html", PAGE);
        write("style.css", STYLESHEET);
        write("app.js", "console.log('hello');\n".repeat(20));
        write("img/logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"></svg>");
        write("favicon.ico", "\u0000\u0001");
    }

    @Test
    void shouldPointPagesAtHashedAssets() throws IOException {
        run();

        String page = read("index.html");
        assertThat(page).containsPattern("href=\"/assets/style\\.[0-9a-f]{12}\\.css\"")
                .containsPattern("src='/assets/app\\.[0-9a-f]{12}\\.js\\?v=1'")
                .containsPattern("src=\"/assets/img/logo\\.[0-9a-f]{12}\\.svg\"")
                .contains("href=\"/infra\"", "href=\"style.css\"", "href=\"/api/posts\"");
        assertThat(read("error/404.html")).isEqualTo(page);
    }

    @Test
    void shouldKeepPlainNamesAndHashedCopiesWithTheSameContent() throws IOException {
        run();

        String hashedStylesheet = hashedName("style.css");
        assertThat(read("assets/" + hashedStylesheet)).isEqualTo(read("style.css"))
                .containsPattern("url\\(\"/assets/img/logo\\.[0-9a-f]{12}\\.svg\"\\)");
        assertThat(read("index.html")).contains("/assets/" + hashedStylesheet);
        assertThat(this.output.resolve("favicon.ico")).exists();
    }

    @Test
    void shouldChangeTheHashWhenAReferencedAssetChanges() throws IOException {
        run();
        String before = hashedName("style.css");
        write("img/logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"><title>new</title></svg>");

        run();

        assertThat(hashedName("style.css")).isNotEqualTo(before);
        assertThat(this.output.resolve("assets/" + before)).doesNotExist();
    }

    @Test
    void shouldWriteGzipAndBrotliVariantsThatDecodeToTheFile() throws IOException {
        run();

        byte[] page = Files.readAllBytes(this.output.resolve("index.html"));
        byte[] gzip = Files.readAllBytes(this.output.resolve("index.html.gz"));
        byte[] brotli = Files.readAllBytes(this.output.resolve("index.html.br"));
        assertThat(gzip.length).isLessThan(page.length);
        assertThat(new GZIPInputStream(new ByteArrayInputStream(gzip)).readAllBytes()).isEqualTo(page);
        Brotli4jLoader.ensureAvailability();
        assertThat(Decoder.decompress(brotli).getDecompressedData()).isEqualTo(page);
        assertThat(this.output.resolve("assets/" + hashedName("style.css") + ".br")).exists();
    }

    @Test
    void shouldWriteNoVariantThatIsNotSmaller() throws IOException {
        run();

        assertThat(this.output.resolve("img/logo.svg.gz")).doesNotExist();
        assertThat(this.output.resolve("favicon.ico.gz")).doesNotExist();
    }

    @Test
    void shouldRefuseASourceDirectoryNamedLikeTheHashedOne() throws IOException {
        write("assets/own.css", "a {}");

        assertThatIllegalStateException().isThrownBy(this::run).withMessageContaining("reserved");
    }

    private void run() throws IOException {
        new AssetPipeline(this.source, this.output).run();
    }

    private String hashedName(String file) throws IOException {
        String stem = file.substring(0, file.lastIndexOf('.'));
        try (Stream<Path> hashed = Files.list(this.output.resolve(AssetPipeline.HASHED_DIRECTORY))) {
            return hashed.map(path -> path.getFileName().toString())
                    .filter(name -> name.matches(stem + "\\.[0-9a-f]{12}\\.css"))
                    .findFirst()
                    .orElseThrow();
        }
    }

    private void write(String file, String content) throws IOException {
        Path path = this.source.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, content);
    }

    private String read(String file) throws IOException {
        return Files.readString(this.output.resolve(file), StandardCharsets.UTF_8);
    }
}
