package com.foobar.infra.app.post;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Thrown when an edit names a version of the post that is no longer the current one, or an edit crosses a delete:
 * someone changed it since it was read. Answered as a 409, so that the user reloads it instead of overwriting or
 * deleting the other change unseen.
 */
public class StalePostException extends ErrorResponseException {

    public StalePostException(long id, @Nullable Throwable cause) {
        super(HttpStatus.CONFLICT, ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "Post " + id + " was changed since you read it: reload it and try again."), cause);
    }
}
