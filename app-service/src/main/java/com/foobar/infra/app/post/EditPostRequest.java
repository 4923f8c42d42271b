package com.foobar.infra.app.post;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The JSON body of {@code PUT /api/posts/{id}}.
 *
 * @param body the new text: required, not blank, at most {@value Post#MAX_BODY_LENGTH} characters
 * @param version the post's version the edit started from; a post edited since is refused with a 409
 */
public record EditPostRequest(
        @NotBlank @Size(max = Post.MAX_BODY_LENGTH, message = "must be at most {max} characters") String body,
        @NotNull Integer version) {
}
