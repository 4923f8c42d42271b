package com.foobar.infra.assets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Builds the static site that the web tier serves: copies a source directory to an output directory, gives every
 * asset (any file but an HTML page) a second, content-hashed name under {@code assets/}, points the pages' and
 * stylesheets' references at those names and writes gzip and brotli variants beside every text file.
 *
 * <p>The output directory is replaced as a whole, so a renamed or deleted source file leaves nothing behind. Files
 * keep their plain names too: a reference the pipeline cannot see (a script's {@code fetch}, a browser's own
 * {@code /favicon.ico}) still finds them. Run by the web tier's build as
 * {@code AssetPipeline <source directory> <output directory>}.
 */
public final class AssetPipeline {

    /** Where hashed copies go; a source directory of that name would mix with them, so it is refused. */
    static final String HASHED_DIRECTORY = "assets";

    private final Path source;

    private final Path output;

    private final Map<String, String> hashedPaths = new HashMap<>();

    AssetPipeline(Path source, Path output) {
        this.source = source;
        this.output = output;
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            // Runs inside Maven (exec:java): an exception fails the build, System.exit would end Maven itself.
            throw new IllegalArgumentException("Usage: AssetPipeline <source directory> <output directory>");
        }
        new AssetPipeline(Path.of(args[0]), Path.of(args[1])).run();
    }

    void run() throws IOException {
        List<String> files = sourceFiles();
        deleteOutput();
        // Assets first, stylesheets after them (they refer to fonts and images), pages last (they refer to both).
        for (String file : files) {
            if (!isPage(file) && !isStylesheet(file)) {
                publishAsset(file, read(file));
            }
        }
        for (String file : files) {
            if (isStylesheet(file)) {
                publishAsset(file, rewritten(file));
            }
        }
        for (String file : files) {
            if (isPage(file)) {
                write(file, rewritten(file));
            }
        }
        int variants = Precompression.writeVariants(this.output);
        System.out.printf("site-assets: %d files, %d hashed assets, %d precompressed variants in %s%n",
                files.size(), this.hashedPaths.size(), variants, this.output);
    }

    private List<String> sourceFiles() throws IOException {
        try (Stream<Path> paths = Files.walk(this.source)) {
            List<String> files = paths.filter(Files::isRegularFile)
                    .map(path -> this.source.relativize(path).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
            if (files.stream().anyMatch(file -> file.startsWith(HASHED_DIRECTORY + "/"))) {
                throw new IllegalStateException(this.source.resolve(HASHED_DIRECTORY)
                        + " is reserved for the hashed copies the asset pipeline writes; move its files elsewhere");
            }
            return files;
        }
    }

    private void publishAsset(String file, byte[] content) throws IOException {
        String hashed = HASHED_DIRECTORY + "/" + ContentHashedName.of(file, content);
        write(file, content);
        write(hashed, content);
        this.hashedPaths.put("/" + file, "/" + hashed);
    }

    private byte[] rewritten(String file) throws IOException {
        String text = new String(read(file), StandardCharsets.UTF_8);
        return AssetReferences.rewrite(text, this.hashedPaths).getBytes(StandardCharsets.UTF_8);
    }

    private byte[] read(String file) throws IOException {
        return Files.readAllBytes(this.source.resolve(file));
    }

    private void write(String file, byte[] content) throws IOException {
        Path target = this.output.resolve(file);
        Files.createDirectories(target.getParent());
        Files.write(target, content);
    }

    private void deleteOutput() throws IOException {
        if (!Files.exists(this.output)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(this.output)) {
            paths.sorted(Comparator.reverseOrder()).forEach(AssetPipeline::delete);
        }
    }

    private static void delete(Path path) {
        try {
            Files.delete(path);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static boolean isPage(String file) {
        return file.endsWith(".html");
    }

    private static boolean isStylesheet(String file) {
        return file.endsWith(".css");
    }
}
