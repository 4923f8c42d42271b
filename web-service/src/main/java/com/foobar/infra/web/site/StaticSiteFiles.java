package com.foobar.infra.web.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Set;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;

/**
 * What the site's files are, listed once at start-up from the static location: which request paths are pages and
 * which have precompressed variants.
 *
 * <p>The files sit in the jar and never change while the server runs, so one listing answers every request without
 * touching the class path again, and a request for a path that does not exist costs a set lookup, not a file lookup.
 */
final class StaticSiteFiles {

    private final Set<String> pages = new HashSet<>();

    private final Set<String> precompressed = new HashSet<>();

    StaticSiteFiles(String... locations) {
        ResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        for (String location : locations) {
            try {
                String root = resolver.getResource(location).getURL().toString();
                for (Resource file : resolver.getResources(location + "**/*.*")) {
                    add(requestPath(root, file));
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
