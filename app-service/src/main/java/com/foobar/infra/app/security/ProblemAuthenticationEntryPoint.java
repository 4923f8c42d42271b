package com.foobar.infra.app.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.foobar.infra.app.problem.ProblemResponseWriter;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * An {@link AuthenticationEntryPoint} that answers a request needing a logged-in user with a 401 problem: no
 * log-in page to redirect to and no {@code WWW-Authenticate} header that would make a browser ask for a password.
 */
final class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

    private final ProblemResponseWriter problems;

    ProblemAuthenticationEntryPoint(ProblemResponseWriter problems) {
        this.problems = problems;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException authException) throws IOException {
        this.problems.write(request, response, HttpStatus.UNAUTHORIZED, "Log in first.");
    }
}
