package com.foobar.infra.web.site;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;

import org.springframework.core.io.AbstractResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.resource.HttpResource;

/**
 * A static file sent as its precompressed variant: the variant's bytes, length and URL, the file's own name (which
 * decides the {@code Content-Type}), and the {@code Content-Encoding} and {@code Vary} headers that say so.
 */
final class PrecompressedResource extends AbstractResource implements HttpResource {

    private final Resource file;

    private final Resource variant;

    private final String coding;

    PrecompressedResource(Resource file, Resource variant, String coding) {
        this.file = file;
        this.variant = variant;
        this.coding = coding;
    }

    @Override
    public InputStream getInputStream() throws IOException {
        return this.variant.getInputStream();
    }

    @Override
    public boolean exists() {
        return this.variant.exists();
    }

    @Override
    public URL getURL() throws IOException {
        return this.variant.getURL();
    }

    @Override
    public URI getURI() throws IOException {
        return this.variant.getURI();
    }

    @Override
    public long contentLength() throws IOException {
        return this.variant.contentLength();
    }

    @Override
    public long lastModified() throws IOException {
        return this.variant.lastModified();
    }

    @Override
    public Resource createRelative(String relativePath) throws IOException {
        return this.file.createRelative(relativePath);
    }

    @Override
    public String getFilename() {
        return this.file.getFilename();
    }

    @Override
    public String getDescription() {
        return this.coding + " variant of " + this.file.getDescription();
    }

    @Override
    public HttpHeaders getResponseHeaders() {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.CONTENT_ENCODING, this.coding);
        headers.set(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
        return headers;
    }
}
