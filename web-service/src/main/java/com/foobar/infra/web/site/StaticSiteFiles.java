package com.foobar.infra.web.site;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;

/**
 * What the site's files are, read once at start-up from the static location: which request paths are pages, which
 * have precompressed variants, and each file's bytes ({@link InMemoryResourceResolver} serves them from here).
 *
 * <p>The files sit in the jar and never change while the server runs, so one reading answers every request without
 * touching the class path again, and a request for a path that does not exist costs a set lookup, not a file lookup.
 * The site is small (a few hundred KiB with its compressed variants), so holding it in memory costs little.
 */
final class StaticSiteFiles {

    private final Set<String> pages = new HashSet<>();

    private final Set<String> precompressed = new HashSet<>();

    // By the URL of the file in the jar; read-only once the constructor has filled it.
    private final Map<String, InMemorySiteFile> inMemory = new HashMap<>();

    StaticSiteFiles(String... locations) {
        ResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        for (String location : locations) {
            try {
                String root = resolver.getResource(location).getURL().toString();
                for (Resource file : resolver.getResources(location + "**/*.*")) {
                    add(requestPath(root, file));
                    read(file);
                }
            }
            catch (IOException ex) {
                throw new UncheckedIOException("Cannot list the static site at " + location, ex);
            }
        }
    }

    /** Whether the request path ({@code /infra.html}) is one of the site's HTML pages. */
    boolean isPage(String path) {
        return this.pages.contains(path);
    }

    /** Whether the request path has a {@code .gz} or {@code .br} variant, so its response varies by encoding. */
    boolean isPrecompressed(String path) {
        return this.precompressed.contains(path);
    }

    /** The site's file at this URL ({@code jar:file:...!/static/index.html}), or {@code null} if there is none. */
    @Nullable InMemorySiteFile inMemory(String url) {
        return this.inMemory.get(url);
    }

    private void read(Resource file) throws IOException {
        try (InputStream content = file.getInputStream()) {
            String url = file.getURL().toString();
            this.inMemory.put(url, new InMemorySiteFile(file.getURL(), file.getFilename(), content.readAllBytes(),
                    file.lastModified(), this.inMemory));
        }
    }

    private void add(String path) {
        if (path.endsWith(".html")) {
            this.pages.add(path);
        }
        else if (path.endsWith(".gz") || path.endsWith(".br")) {
            this.precompressed.add(path.substring(0, path.length() - 3));
        }
    }

    private static String requestPath(String root, Resource file) throws IOException {
        return "/" + file.getURL().toString().substring(root.length());
    }
}
