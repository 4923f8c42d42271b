package com.foobar.infra.assets;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.encoder.Encoder;

/**
 * Writes {@code .gz} and {@code .br} variants beside the text files of a directory, at the highest compression
 * levels, as nginx's {@code gzip_static} and {@code brotli_static} expect to find them.
 *
 * <p>Compressing once at build time lets the slowest, best settings pay off: a web server compressing per request
 * could not afford brotli's level 11. Images and fonts are already compressed and get no variant, and neither does a
 * file whose variant would not be smaller (a tiny file can grow).
 */
final class Precompression {

    private static final Set<String> TEXT_EXTENSIONS = Set.of("html", "css", "js", "mjs", "json", "map", "svg", "txt",
            "xml", "webmanifest");

    private Precompression() {
    }

    /**
     * Writes the variants of every text file under the directory.
     * @return how many variant files were written
     */
    static int writeVariants(Path directory) throws IOException {
        Brotli4jLoader.ensureAvailability();
        List<Path> textFiles;
        try (Stream<Path> paths = Files.walk(directory)) {
            textFiles = paths.filter(Files::isRegularFile).filter(Precompression::isText).toList();
        }
        int written = 0;
        for (Path file : textFiles) {
            byte[] content = Files.readAllBytes(file);
            written += writeIfSmaller(file, ".gz", gzip(content), content.length);
            written += writeIfSmaller(file, ".br", Encoder.compress(content, brotliParameters()), content.length);
        }
        return written;
    }

    private static int writeIfSmaller(Path file, String suffix, byte[] variant, int originalLength)
            throws IOException {
        if (variant.length >= originalLength) {
            return 0;
        }
        Files.write(file.resolveSibling(file.getFileName() + suffix), variant);
        return 1;
    }

    private static byte[] gzip(byte[] content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(content.length / 2);
        try (GZIPOutputStream gzip = new BestGzipOutputStream(bytes)) {
            gzip.write(content);
        }
        return bytes.toByteArray();
    }

    private static Encoder.Parameters brotliParameters() {
        return new Encoder.Parameters().setQuality(11).setMode(Encoder.Mode.TEXT);
    }

    private static boolean isText(Path file) {
        String name = file.getFileName().toString();
        return TEXT_EXTENSIONS.contains(name.substring(name.lastIndexOf('.') + 1));
    }

    /** The JDK's gzip stream at level 9; its default is level 6, the per-request trade-off we do not need. */
    private static final class BestGzipOutputStream extends GZIPOutputStream {

        BestGzipOutputStream(ByteArrayOutputStream out) throws IOException {
            super(out);
            this.def.setLevel(Deflater.BEST_COMPRESSION);
        }
    }
}
