package com.foobar.infra.app.post;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The JSON body of {@code POST /api/posts}.
 *
 * <p>Validated before use: Jackson leaves a missing {@code body} null, which {@link NotBlank} rejects.
 *
 * @param body the post's text: required, not blank, at most {@value Post#MAX_BODY_LENGTH} characters
 */
public record CreatePostRequest(
        @NotBlank @Size(max = Post.MAX_BODY_LENGTH, message = "must be at most {max} characters") String body) {
}
