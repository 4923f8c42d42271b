package com.foobar.infra.app.account;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Thrown when no account has the requested username; answered as a 404 problem.
 */
public class UserNotFoundException extends ErrorResponseException {

    public UserNotFoundException(String username) {
        super(HttpStatus.NOT_FOUND, ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "No user named '" + username + "'."), null);
    }
}
