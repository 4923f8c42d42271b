package com.foobar.infra.router.consistency;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Carries read-your-writes across requests, and so across application servers: a request that writes gets a
 * short-lived cookie with the primary's GTID position after the write; a request that brings the cookie back has
 * its replica reads wait for that position.
 *
 * <p>The cookie's value is signed ({@link GtidCookieCodec}); a cookie that does not decode to a valid, signed
 * position is ignored. The cookie lives {@code maxAge}: by then every
 * replica still in the read rotation, being at most {@code max-lag} behind, has the write anyway.
 */
public class ReadYourWritesFilter extends OncePerRequestFilter implements Ordered {

    private final ReadYourWritesContext context;

    private final GtidCookieCodec codec;

    private final String cookieName;

    private final Duration maxAge;

    public ReadYourWritesFilter(ReadYourWritesContext context, GtidCookieCodec codec, String cookieName,
            Duration maxAge) {
        this.context = context;
        this.codec = codec;
        this.cookieName = cookieName;
        this.maxAge = maxAge;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        this.context.begin(required(request).orElse(null), (position) -> response.addHeader(HttpHeaders.SET_COOKIE,
                ResponseCookie.from(this.cookieName, this.codec.encode(position))
                    .path("/")
                    .httpOnly(true)
                    .secure(true)
                    .sameSite("Lax")
                    .maxAge(this.maxAge)
                    .build()
                    .toString()));
        try {
            chain.doFilter(request, response);
        }
        finally {
            this.context.end();
        }
    }

    private Optional<GtidPosition> required(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        for (Cookie cookie : cookies) {
            if (cookie.getName().equals(this.cookieName)) {
                return this.codec.decode(cookie.getValue());
            }
        }
        return Optional.empty();
    }

}
