package com.foobar.infra.balancing.routing;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;

/**
 * The forwarded headers a proxy tier tells the next one with: {@code X-Forwarded-For}, {@code -Proto}, {@code -Host}
 * and {@code -Port}, set as a whole so that none a client sent survives next to them.
 *
 * <p>For the {@code HttpHeadersFilter}s of the gateway (the client as it resolved it) and of the web tier (the
 * gateway's word, or its own view of anyone else).
 */
public final class ForwardedHeaders {

    private static final List<String> NAMES = List.of("Forwarded", "X-Forwarded-For", "X-Forwarded-Proto",
            "X-Forwarded-Host", "X-Forwarded-Port", "X-Forwarded-Prefix");

    private ForwardedHeaders() {
    }

    /**
     * A copy of the headers with every forwarded header replaced: {@code Forwarded} and {@code X-Forwarded-Prefix}
     * dropped, the others set to the given values (left out when {@code null}).
     */
    public static HttpHeaders replace(HttpHeaders input, @Nullable String forwardedFor, @Nullable String proto,
            @Nullable String host, @Nullable String port) {
        HttpHeaders headers = new HttpHeaders();
        headers.putAll(input);
        NAMES.forEach(headers::remove);
        set(headers, "X-Forwarded-For", forwardedFor);
        set(headers, "X-Forwarded-Proto", proto);
        set(headers, "X-Forwarded-Host", host);
        set(headers, "X-Forwarded-Port", port);
        return headers;
    }

    private static void set(HttpHeaders headers, String name, @Nullable String value) {
        if (value != null) {
            headers.set(name, value);
        }
    }
}
