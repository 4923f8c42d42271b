package com.foobar.infra.app.post;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Thrown when a user edits or deletes a post that is not theirs (guest posts are nobody's); answered as a 403.
 */
public class NotTheAuthorException extends ErrorResponseException {

    public NotTheAuthorException(long id) {
        super(HttpStatus.FORBIDDEN, ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
                "Post " + id + " is not yours: only its author may change it."), null);
    }
}
