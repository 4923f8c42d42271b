package com.foobar.infra.problem;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Checks a request target's raw path and query the way Tomcat checks them in the application tier, so that every
 * tier refuses the same requests: bad percent-encoding, escapes that do not decode to UTF-8, an encoded NUL, and in
 * the path any control character, an encoded slash or backslash, or a dot-segment ({@code ..%2f}, {@code %2e%2e}).
 *
 * <p>A target without {@code %} or {@code /.} is accepted after one scan, with nothing allocated: the common case.
 */
public final class RequestTargetCheck {

    private RequestTargetCheck() {
    }

    /**
     * Why a request target is refused.
     *
     * @param rawPath the path, still percent-encoded
     * @param rawQuery the query, still percent-encoded, {@code null} for none
     * @return what is wrong with it, for the problem's {@code detail}, or {@code null} when it is valid
     */
    public static @Nullable String problem(String rawPath, @Nullable String rawQuery) {
        String pathProblem = check(rawPath, true);
        return (pathProblem != null || rawQuery == null) ? pathProblem : check(rawQuery, false);
    }

    private static @Nullable String check(String raw, boolean path) {
        if (raw.indexOf('%') < 0 && !(path && raw.contains("/."))) {
            return null;
        }
        String where = path ? "path" : "query";
        if (path) {
            for (String segment : raw.split("/", -1)) {
                String decoded = decodedOrNull(segment);
                if (decoded != null && (decoded.equals(".") || decoded.equals(".."))) {
                    return "The request path has a dot-segment (" + segment + ").";
                }
            }
        }
        byte[] bytes = new byte[raw.length()];
        int length = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c != '%') {
                bytes[length++] = (byte) c;
                continue;
            }
            if (i + 2 >= raw.length() || Character.digit(raw.charAt(i + 1), 16) < 0
                    || Character.digit(raw.charAt(i + 2), 16) < 0) {
                return "The request " + where + " has bad percent-encoding: '%' must be followed by two hex digits.";
            }
            int b = Character.digit(raw.charAt(i + 1), 16) * 16 + Character.digit(raw.charAt(i + 2), 16);
            if (b == 0 || (path && (b < 0x20 || b == 0x7f))) {
                return "The request " + where + " has an encoded control character (" + raw.substring(i, i + 3)
                        + ").";
            }
            if (path && (b == '/' || b == '\\')) {
                return "The request path has an encoded slash or backslash (" + raw.substring(i, i + 3) + ").";
            }
            bytes[length++] = (byte) b;
            i += 2;
        }
        if (!isUtf8(bytes, length)) {
            return "The request " + where + " has percent-encoded bytes that are not UTF-8.";
        }
        return null;
    }

    private static @Nullable String decodedOrNull(String segment) {
        if (segment.indexOf('%') < 0) {
            return segment;
        }
        // Only a segment of dots and their escapes can be a dot-segment; anything else is checked byte by byte.
        String lower = segment.toLowerCase(Locale.ROOT);
        return lower.replace("%2e", ".");
    }

    private static boolean isUtf8(byte[] bytes, int length) {
        try {
            StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes, 0, length));
            return true;
        }
        catch (CharacterCodingException ex) {
            return false;
        }
    }
}
