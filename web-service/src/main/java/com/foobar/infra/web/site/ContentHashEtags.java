package com.foobar.infra.web.site;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.springframework.core.io.Resource;

/**
 * The ETag of a static file: a hash of the bytes the response carries, quoted as a strong validator.
 *
 * <p>A hash of the content, unlike nginx's modification time and length, is the same on every web node serving the
 * same jar, so a revalidation gets its {@code 304} whichever node the load balancer picks. A precompressed variant is
 * its own file with its own bytes, so its ETag differs from the plain file's, as a strong ETag must. Each file is
 * hashed on its first request only: the files are in the jar and cannot change while the server runs, and only files
 * that exist ever get here, so the cache is as small as the site.
 */
final class ContentHashEtags implements Function<Resource, String> {

    private final Map<String, String> etags = new ConcurrentHashMap<>();

    @Override
    public String apply(Resource resource) {
        try {
            return this.etags.computeIfAbsent(resource.getURL().toString(), url -> etag(resource));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static String etag(Resource resource) {
        try (InputStream content = resource.getInputStream()) {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[8192];
            for (int read = content.read(buffer); read != -1; read = content.read(buffer)) {
                sha256.update(buffer, 0, read);
            }
            return "\"" + HexFormat.of().formatHex(sha256.digest(), 0, 16) + "\"";
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("Every JDK has SHA-256", ex);
        }
    }
}
