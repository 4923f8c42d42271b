package com.foobar.infra.app.post;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Thrown when no post has the requested id; answered as a 404 problem.
 */
public class PostNotFoundException extends ErrorResponseException {

    /**
     * Creates the exception for an id.
     * @param id the id that no post has
     */
    public PostNotFoundException(long id) {
        super(HttpStatus.NOT_FOUND,
                ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No post with id " + id + "."), null);
    }
}
