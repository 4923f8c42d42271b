package com.foobar.infra.app.problem;

import java.io.IOException;
import java.net.http.HttpResponse;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.foobar.infra.app.ServerTestSupport;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.web.filter.OncePerRequestFilter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Errors raised in a servlet filter, before Spring MVC (as Spring Session's are when the session store cannot be
 * reached), still answer RFC 9457 problems: through the container's error dispatch to
 * {@link ErrorPathProblemController}.
 */
@Import(ErrorPathProblemTests.FailingFilter.class)
class ErrorPathProblemTests extends ServerTestSupport {

    @Test
    void shouldAnswerServiceUnavailableWhenAFilterCannotReachTheDatabase() throws Exception {
        HttpResponse<String> response = send(json("/api/posts?fail=database").GET());

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"detail\":\"The database is unavailable; try again shortly.\"")
                .contains("\"instance\":\"/api/posts\"");
    }

    @Test
    void shouldAnswerAGenericProblemWithoutTheCauseWhenAFilterFails() throws Exception {
        HttpResponse<String> response = send(json("/api/posts?fail=bug").GET());

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"detail\":\"An unexpected error occurred.\"")
                .doesNotContain("secret internals").doesNotContain("Exception").doesNotContain("\tat ");
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class FailingFilter {

        @Bean
        OncePerRequestFilter failingFilter() {
            return new OncePerRequestFilter() {

                @Override
                protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                        FilterChain chain) throws ServletException, IOException {
                    String fail = request.getParameter("fail");
                    if ("database".equals(fail)) {
                        throw new DataAccessResourceFailureException("session store: connection is not available");
                    }
                    if ("bug".equals(fail)) {
                        throw new IllegalStateException("secret internals");
                    }
                    chain.doFilter(request, response);
                }
            };
        }
    }
}
