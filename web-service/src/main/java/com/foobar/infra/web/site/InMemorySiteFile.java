package com.foobar.infra.web.site;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URL;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.core.io.AbstractResource;
import org.springframework.core.io.DescriptiveResource;
import org.springframework.core.io.Resource;

/**
 * One of the site's files as a {@link Resource} whose bytes are held in memory: what nginx's page cache gives it,
 * without the jar.
 *
 * <p>It keeps the file's own URL, name and modification time, so the ETag, {@code Last-Modified} and
 * {@code Content-Type} are those of the file in the jar; {@link #createRelative} finds its neighbours (the
 * precompressed variants) among the other files in memory.
 */
final class InMemorySiteFile extends AbstractResource {

    private final URL url;

    private final @Nullable String filename;

    private final byte[] content;

    private final long lastModified;

    private final Map<String, InMemorySiteFile> site;

    InMemorySiteFile(URL url, @Nullable String filename, byte[] content, long lastModified,
            Map<String, InMemorySiteFile> site) {
        this.url = url;
        this.filename = filename;
        this.content = content;
        this.lastModified = lastModified;
        this.site = site;
    }

    @Override
    public InputStream getInputStream() {
        return new ByteArrayInputStream(this.content);
    }

    @Override
    public boolean exists() {
        return true;
    }

    @Override
    public URL getURL() {
        return this.url;
    }

    @Override
    public long contentLength() {
        return this.content.length;
    }

    @Override
    public long lastModified() {
        return this.lastModified;
    }

    @Override
    public Resource createRelative(String relativePath) {
        String base = this.url.toString();
        String sibling = base.substring(0, base.lastIndexOf('/') + 1) + relativePath;
        Resource file = this.site.get(sibling);
        return (file != null) ? file : new DescriptiveResource("no site file " + sibling);
    }

    @Override
    public @Nullable String getFilename() {
        return this.filename;
    }

    @Override
    public String getDescription() {
        return "site file in memory [" + this.url + "]";
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return (this == other) || (other instanceof InMemorySiteFile file && this.url.toString().equals(file.url.toString()));
    }

    @Override
    public int hashCode() {
        return this.url.toString().hashCode();
    }
}
