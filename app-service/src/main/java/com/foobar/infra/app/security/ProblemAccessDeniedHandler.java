package com.foobar.infra.app.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.foobar.infra.app.problem.ProblemResponseWriter;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;

/**
 * An {@link AccessDeniedHandler} that answers with a 403 problem; a missing or wrong CSRF token, the usual cause
 * here, is named so that a client developer knows what to send.
 */
final class ProblemAccessDeniedHandler implements AccessDeniedHandler {

    private final ProblemResponseWriter problems;

    ProblemAccessDeniedHandler(ProblemResponseWriter problems) {
        this.problems = problems;
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
