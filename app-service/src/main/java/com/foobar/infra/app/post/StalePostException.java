package com.foobar.infra.app.post;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Thrown when an edit names a version of the post that is no longer the current one: someone changed it since
 * the editor read it. Answered as a 409, so that the editor reloads it instead of overwriting the other change.
 */
public class StalePostException extends ErrorResponseException {

    public StalePostException(long id, @Nullable Throwable cause) {
        super(HttpStatus.CONFLICT, ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "Post " + id + " was changed since you read it: reload it and edit again."), cause);
    }
}
