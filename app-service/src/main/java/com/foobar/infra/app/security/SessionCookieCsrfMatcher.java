package com.foobar.infra.app.security;

import java.util.Set;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Matches the requests that need a CSRF token: those that may change something (not GET, HEAD, OPTIONS or TRACE)
 * and carry the session cookie.
 *
 * <p>CSRF abuses a credential the browser adds on its own, and the session cookie is the only one here. A request
 * without it acts as a guest whoever sends it, so a token would protect nothing; and a cross-site form cannot
 * send the JSON the API requires (anything else is a 415), so it cannot log a victim in either.
 */
final class SessionCookieCsrfMatcher implements RequestMatcher {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final String sessionCookieName;

    SessionCookieCsrfMatcher(String sessionCookieName) {
        this.sessionCookieName = sessionCookieName;
    }

    @Override
    public boolean matches(HttpServletRequest request) {
        if (SAFE_METHODS.contains(request.getMethod())) {
            return false;
        }
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return false;
        }
        for (Cookie cookie : cookies) {
            if (cookie.getName().equals(this.sessionCookieName)) {
                return true;
            }
        }
        return false;
    }
}
