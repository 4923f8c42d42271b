package com.foobar.infra.router.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The key that signs read-your-writes cookies.
 *
 * <p>It is {@code foobar.datasource.read-your-writes.key} when set; otherwise a SHA-256 hash of a label and the
 * database account, the same on every application server with that account; otherwise, without a database
 * password, a random key, with a warning, whose cookies no other server accepts.
 */
final class ReadYourWritesCookieKey {

    private static final Logger logger = LoggerFactory.getLogger(ReadYourWritesCookieKey.class);

    // Part of every derived key: changing it makes servers of one deployment reject each other's cookies.
    private static final String LABEL = "foobar read-your-writes cookie key";

    private ReadYourWritesCookieKey() {
    }

    /** The key for {@code properties}; a new random one on every call when neither a key nor a password is set. */
    static byte[] of(ReplicationRouterProperties properties) {
        String key = properties.readYourWrites().key();
        if (key != null) {
            return key.getBytes(StandardCharsets.UTF_8);
        }
        // Every application server of a deployment shares the database password already, and a hash does not
        // reveal it.
        if (properties.password() != null) {
            return sha256(LABEL + "\0" + properties.username() + "\0" + properties.password());
        }
        logger.warn("Neither foobar.datasource.read-your-writes.key nor a database password is set: this "
                + "server signs read-your-writes cookies with a key of its own, so other servers ignore them");
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return random;
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
        }
    }

}
