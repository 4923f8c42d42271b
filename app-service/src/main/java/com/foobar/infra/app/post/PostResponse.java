package com.foobar.infra.app.post;

import java.time.Instant;
import java.util.Objects;

/**
 * The JSON form of a post.
 *
 * @param id the post's id, also its cursor for {@code GET /api/posts?before=}
 * @param body the post's text
 * @param createdAt when the post was created, in UTC
 */
public record PostResponse(long id, String body, Instant createdAt) {

    /**
     * Returns the JSON form of a stored post.
     * @param post a post that has been saved
     * @return its JSON form
     */
    public static PostResponse of(Post post) {
        return new PostResponse(Objects.requireNonNull(post.getId(), "a saved post has an id"), post.getBody(),
                post.getCreatedAt());
    }
}
