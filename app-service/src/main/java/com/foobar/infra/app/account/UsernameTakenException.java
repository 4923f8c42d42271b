package com.foobar.infra.app.account;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Thrown when a registration asks for a username that another account has; answered as a 409 problem.
 */
public class UsernameTakenException extends ErrorResponseException {

    public UsernameTakenException(String username, @Nullable Throwable cause) {
        super(HttpStatus.CONFLICT, ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "The username '" + username + "' is taken."), cause);
    }

    public UsernameTakenException(String username) {
        this(username, null);
    }
}
