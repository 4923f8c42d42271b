package com.foobar.infra.app.session;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Thrown when a log-in names an unknown user or a wrong password; answered as a 401 problem that does not say which.
 */
class LogInFailedException extends ErrorResponseException {

    LogInFailedException() {
        super(HttpStatus.UNAUTHORIZED,
                ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, "Wrong username or password."), null);
    }
}
