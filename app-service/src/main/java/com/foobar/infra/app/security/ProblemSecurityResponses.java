package com.foobar.infra.app.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.foobar.infra.app.problem.ProblemResponseWriter;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;

/**
 * Spring Security's refusals as problem details: an {@link AuthenticationEntryPoint} that answers a request needing
 * a logged-in user with a 401, and an {@link AccessDeniedHandler} that answers with a 403.
 *
 * <p>No log-in page to redirect to and no {@code WWW-Authenticate} header that would make a browser ask for a
 * password. A missing or wrong CSRF token, the usual cause of a 403 here, is named, so that a client developer
 * knows what to send.
 */
final class ProblemSecurityResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final ProblemResponseWriter problems;

    ProblemSecurityResponses(ProblemResponseWriter problems) {
        this.problems = problems;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException authException) throws IOException {
        this.problems.write(request, response, HttpStatus.UNAUTHORIZED, "Log in first.");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response,
            AccessDeniedException accessDeniedException) throws IOException {
        String detail = (accessDeniedException instanceof CsrfException)
                ? "Missing or wrong CSRF token: send the XSRF-TOKEN cookie's value in the X-XSRF-TOKEN header."
                : "Not allowed.";
        this.problems.write(request, response, HttpStatus.FORBIDDEN, detail);
    }
}
