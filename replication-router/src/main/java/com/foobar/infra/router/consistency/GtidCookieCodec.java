package com.foobar.infra.router.consistency;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns a {@link GtidPosition} into a cookie value and back: the position in URL-safe Base64 (positions contain
 * commas, which cookies may not), a dot, and an HMAC-SHA256 tag of it under a key every application server
 * shares.
 *
 * <p>The tag is what keeps a client from forging a position far ahead of the primary, which would make each of its
 * reads hold a replica connection for the whole wait and, in numbers, push replicas out of the rotation. A value
 * whose tag does not match is treated as no cookie.
 */
public final class GtidCookieCodec {

    private static final int TAG_BYTES = 16;

    private final SecretKeySpec key;

    public GtidCookieCodec(byte[] key) {
        if (key.length < 16) {
            throw new IllegalArgumentException("The read-your-writes cookie key needs at least 16 bytes");
        }
        this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
    }

    public String encode(GtidPosition position) {
        byte[] value = position.value().getBytes(StandardCharsets.UTF_8);
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        return base64.encodeToString(value) + "." + base64.encodeToString(tag(value));
    }

    /** The position in {@code cookie}, or empty when it is malformed or its tag does not match. */
    public Optional<GtidPosition> decode(String cookie) {
        int dot = cookie.indexOf('.');
        if (dot < 0 || cookie.length() > 2000) {
            return Optional.empty();
        }
        try {
            byte[] value = Base64.getUrlDecoder().decode(cookie.substring(0, dot));
            byte[] tag = Base64.getUrlDecoder().decode(cookie.substring(dot + 1));
            if (!MessageDigest.isEqual(tag, tag(value))) {
                return Optional.empty();
            }
            return GtidPosition.parse(new String(value, StandardCharsets.UTF_8));
        }
        catch (IllegalArgumentException ex) {
            return Optional.empty();
        }
    }

    private byte[] tag(byte[] value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(this.key);
            return Arrays.copyOf(mac.doFinal(value), TAG_BYTES);
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", ex);
        }
    }

}
