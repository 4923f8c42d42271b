package com.foobar.infra.app.problem;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.stereotype.Component;

/**
 * Writes a problem detail straight to a servlet response, for the errors found before a request reaches Spring
 * MVC (in servlet filters, Spring Security's among them), where {@link ApiExceptionHandler} cannot answer.
 *
 * <p>It serializes with Spring's own JSON converter, so these problems have the same shape as the handler's.
 */
@Component
public class ProblemResponseWriter {

    private final JacksonJsonHttpMessageConverter converter = new JacksonJsonHttpMessageConverter();

    /**
     * Answers a request with a problem.
     * @param request the request, whose path becomes the problem's {@code instance}
     * @param response the response, not committed yet
     * @param status the status
     * @param detail what went wrong, for the client to show
     */
    public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
            throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(status.value());
        this.converter.write(problem, MediaType.APPLICATION_PROBLEM_JSON, new ServletServerHttpResponse(response));
    }
}
