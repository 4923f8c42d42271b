package com.foobar.infra.app.post;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/**
 * A stored post: an immutable body with the instant it was created.
 *
 * <p>The id is assigned by the database on insert, so it is absent only before the post is saved.
 */
@Entity
@Table(name = "post")
public class Post {

    /** The longest body a post may have, in characters. */
    public static final int MAX_BODY_LENGTH = 10_000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Column(nullable = false, updatable = false, length = MAX_BODY_LENGTH)
    private String body;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    /**
     * Creates a post that is not saved yet.
     * @param body the post's text
     * @param createdAt when the post was created
     */
    public Post(String body, Instant createdAt) {
        this.body = body;
        this.createdAt = createdAt;
    }

    protected Post() {
        // For JPA, which sets the fields.
    }

    public @Nullable Long getId() {
        return this.id;
    }

    public String getBody() {
        return this.body;
    }

    public Instant getCreatedAt() {
        return this.createdAt;
    }
}
