package com.foobar.infra.web.site;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpRange;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebExchangeDecorator;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * A {@link WebFilter} that gives the static files' range and conditional requests their RFC 9110 meaning, as nginx
 * does, where Spring's resource handler differs.
 *
 * <ul>
 * <li>A {@code Range} that cannot be parsed, or that asks for more than one range, is ignored: the whole file
 * ({@code 200}), as RFC 9110 §14.2 allows (Spring answered {@code 416}, or a multipart body cut short).</li>
 * <li>{@code If-Range} with a validator that is not the file's current one also means the whole file (§13.1.5).</li>
 * <li>A {@code 416} says {@code Content-Range: bytes *}{@code /N} and has the {@code Content-Length} of its empty
 * body (Spring left the whole file's, so a proxy in front waited for bytes that never came).</li>
 * <li>{@code If-Match} applies to {@code GET} and {@code HEAD} too ({@code 412} unless it lists the current ETag or
 * is {@code *}), and {@code If-None-Match: *} is a {@code 304} for any file that exists (§13.1.1, §13.1.2).</li>
 * </ul>
 * Requests with none of these headers, nearly all of them, pass untouched.
 */
final class RangeRequestWebFilter implements WebFilter, Ordered {

    /** Just before {@link PagePathWebFilter}, whatever path it maps to. */
    static final int ORDER = PagePathWebFilter.ORDER - 1;

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        HttpHeaders headers = request.getHeaders();
        boolean read = request.getMethod() == HttpMethod.GET || request.getMethod() == HttpMethod.HEAD;
        if (!read || request.getPath().value().startsWith("/api/") || !(headers.containsHeader(HttpHeaders.RANGE)
                || headers.containsHeader(HttpHeaders.IF_MATCH) || headers.containsHeader(HttpHeaders.IF_NONE_MATCH))) {
            return chain.filter(exchange);
        }
        ConditionalExchange conditional = new ConditionalExchange(exchange);
        exchange.getResponse().beforeCommit(() -> {
            conditional.describeUnsatisfiedRange();
            return Mono.empty();
        });
        return chain.filter(conditional);
    }

    private static boolean isSingleValidRange(@Nullable String range) {
        if (range == null) {
            return false;
        }
        try {
            return HttpRange.parseRanges(range).size() == 1;
        }
        catch (IllegalArgumentException ex) {
            return false;
        }
    }

    private static boolean strongMatch(String listed, @Nullable String etag) {
        return etag != null && !listed.startsWith("W/") && !etag.startsWith("W/") && listed.equals(etag);
    }

    /** The exchange as the resource handler sees it: its validators are checked here, and its Range kept or not. */
    private static final class ConditionalExchange extends ServerWebExchangeDecorator {

        private final HttpHeaders headers;

        private final ServerHttpRequest request;

        private boolean rangeApplies;

        ConditionalExchange(ServerWebExchange delegate) {
            super(delegate);
            this.headers = delegate.getRequest().getHeaders();
            this.rangeApplies = isSingleValidRange(this.headers.getFirst(HttpHeaders.RANGE))
                    && !this.headers.containsHeader(HttpHeaders.IF_RANGE);
            this.request = new ServerHttpRequestDecorator(delegate.getRequest()) {

                @Override
                public HttpHeaders getHeaders() {
                    return ConditionalExchange.this.requestHeaders();
                }
            };
        }

        @Override
        public ServerHttpRequest getRequest() {
            return this.request;
        }

        @Override
        public boolean checkNotModified(Instant lastModified) {
            return checkNotModified(null, lastModified);
        }

        @Override
        public boolean checkNotModified(String etag) {
            return checkNotModified(etag, Instant.MIN);
        }

        @Override
        public boolean checkNotModified(@Nullable String etag, Instant lastModified) {
            List<String> ifMatch = this.headers.getOrEmpty(HttpHeaders.IF_MATCH);
            if (!ifMatch.isEmpty() && !matchesAny(ifMatch, etag)) {
                getResponse().setStatusCode(HttpStatus.PRECONDITION_FAILED);
                return true;
            }
            if (this.headers.getOrEmpty(HttpHeaders.IF_NONE_MATCH).stream().anyMatch("*"::equals)) {
                getResponse().setStatusCode(HttpStatus.NOT_MODIFIED);
                if (etag != null) {
                    getResponse().getHeaders().setETag(etag);
                }
                return true;
            }
            String ifRange = this.headers.getFirst(HttpHeaders.IF_RANGE);
            if (ifRange != null && isSingleValidRange(this.headers.getFirst(HttpHeaders.RANGE))) {
                this.rangeApplies = ifRangeMatches(ifRange, etag, lastModified);
            }
            return super.checkNotModified(etag, lastModified);
        }

        private HttpHeaders requestHeaders() {
            if (this.rangeApplies || !this.headers.containsHeader(HttpHeaders.RANGE)) {
                return this.headers;
            }
            HttpHeaders withoutRange = new HttpHeaders();
            withoutRange.putAll(this.headers);
            withoutRange.remove(HttpHeaders.RANGE);
            return withoutRange;
        }

        /** A 416 names the whole length, and its own empty body's, in place of the whole file's. */
        void describeUnsatisfiedRange() {
            if (getResponse().getStatusCode() != HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE) {
                return;
            }
            HttpHeaders response = getResponse().getHeaders();
            long whole = response.getContentLength();
            if (whole >= 0 && !response.containsHeader(HttpHeaders.CONTENT_RANGE)) {
                response.set(HttpHeaders.CONTENT_RANGE, "bytes */" + whole);
            }
            response.setContentLength(0);
        }

        private static boolean matchesAny(List<String> values, @Nullable String etag) {
            for (String value : values) {
                for (String listed : value.split(",")) {
                    String candidate = listed.trim();
                    if (candidate.equals("*") || strongMatch(candidate, etag)) {
                        return true;
                    }
                }
            }
            return false;
        }

        private static boolean ifRangeMatches(String ifRange, @Nullable String etag, Instant lastModified) {
            if (ifRange.startsWith("\"") || ifRange.startsWith("W/")) {
                return strongMatch(ifRange, etag);
            }
            try {
                Instant date = ZonedDateTime.parse(ifRange, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return !lastModified.equals(Instant.MIN) && date.getEpochSecond() == lastModified.getEpochSecond();
            }
            catch (DateTimeParseException ex) {
                return false;
            }
        }
    }
}
