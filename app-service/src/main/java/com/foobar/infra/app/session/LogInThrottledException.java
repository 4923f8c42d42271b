package com.foobar.infra.app.session;

import java.time.Duration;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Thrown when a log-in comes after too many failed ones for its username or from its address; answered as a
 * {@code 429} problem with {@code Retry-After}.
 */
class LogInThrottledException extends ErrorResponseException {

    LogInThrottledException(Duration retryAfter) {
        super(HttpStatus.TOO_MANY_REQUESTS, ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
                "Too many failed log-ins; try again in " + retryAfter.toSeconds() + " seconds."), null);
        getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter.toSeconds()));
    }
}
