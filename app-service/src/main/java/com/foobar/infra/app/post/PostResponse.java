package com.foobar.infra.app.post;

import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import com.foobar.infra.app.account.Account;

/**
 * The JSON form of a post.
 *
 * <p>The body is returned exactly as it was stored, markup and all, as a JSON string: showing it safely (as text,
 * never as HTML) is the page's job, and the only place that knows how it is shown.
 *
 * @param id the post's id, also its cursor for {@code ?before=}
 * @param body the post's text
 * @param author the author's username, {@code null} for a guest post
 * @param createdAt when the post was created, in UTC
 * @param editedAt when it was last edited, {@code null} if never
 * @param version the version an edit must name ({@code PUT /api/posts/{id}})
 */
public record PostResponse(long id, String body, @Nullable String author, Instant createdAt,
        @Nullable Instant editedAt, int version) {

    /**
     * Returns the JSON form of a stored post; inside the transaction that read it, since the author is lazy.
     * @param post a post that has been saved
     * @return its JSON form
     */
    public static PostResponse of(Post post) {
        Account author = post.getAuthor();
        return new PostResponse(Objects.requireNonNull(post.getId(), "a saved post has an id"), post.getBody(),
                (author != null) ? author.getUsername() : null, post.getCreatedAt(), post.getEditedAt(),
                post.getVersion());
    }
}
