package com.foobar.infra.assets;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A file name with a hash of the file's content before its extension: {@code css/site.css} becomes
 * {@code css/site.1a2b3c4d5e6f.css}.
 *
 * <p>A new content gets a new name, which is what lets the web tier tell browsers to keep an asset for a year
 * without ever revalidating it. Twelve hex digits of SHA-256 (48 bits) make a collision between two versions of one
 * file practically impossible.
 */
final class ContentHashedName {

    private static final int HASH_HEX_DIGITS = 12;

    private ContentHashedName() {
    }

    static String of(String path, byte[] content) {
        String hash = HexFormat.of().formatHex(sha256(content)).substring(0, HASH_HEX_DIGITS);
        int slash = path.lastIndexOf('/');
        int dot = path.lastIndexOf('.');
        if (dot <= slash + 1) {
            return path + "." + hash;
        }
        return path.substring(0, dot) + "." + hash + path.substring(dot);
    }

    private static byte[] sha256(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("Every JDK has SHA-256", ex);
        }
    }
}
