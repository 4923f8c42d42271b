package com.foobar.infra.app.post;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

import com.foobar.infra.app.account.Account;

/**
 * A stored post: its body, its author (none for a guest post), when it was created and last edited, and a
 * version that each edit increments.
 *
 * <p>The id is assigned by the database on insert, so it is absent only before the post is saved. The version is
 * JPA's optimistic lock: an edit writes {@code WHERE version = ?} with the version it read, so of two edits that
 * cross, the second fails instead of silently overwriting the first.
 */
@Entity
@Table(name = "post")
public class Post {

    /** The longest body a post may have, in characters. */
    public static final int MAX_BODY_LENGTH = 10_000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Column(nullable = false, length = MAX_BODY_LENGTH)
    private String body;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "author_id", updatable = false)
    private @Nullable Account author;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "edited_at")
    private @Nullable Instant editedAt;

    @Version
    private int version;

    /**
     * Creates a post that is not saved yet.
     * @param body the post's text
     * @param author who wrote it, or {@code null} for a guest post
     * @param createdAt when the post was created
     */
    public Post(String body, @Nullable Account author, Instant createdAt) {
        this.body = body;
        this.author = author;
        this.createdAt = createdAt;
    }

    protected Post() {
        // For JPA, which sets the fields.
    }

    /**
     * Replaces the body.
     * @param body the new text
     * @param at when it was edited
     */
    void edit(String body, Instant at) {
        this.body = body;
        this.editedAt = at;
    }

    /**
     * Whether an account wrote this post; a guest post has no author, so nobody did.
     * @param accountId the account's id
     * @return true if it is the post's author
     */
    boolean isWrittenBy(long accountId) {
        // The proxy knows the author's id without loading the account.
        return this.author != null && this.author.getId() != null && this.author.getId() == accountId;
    }

    public @Nullable Long getId() {
        return this.id;
    }

    public String getBody() {
        return this.body;
    }

    public @Nullable Account getAuthor() {
        return this.author;
    }

    public Instant getCreatedAt() {
        return this.createdAt;
    }

    public @Nullable Instant getEditedAt() {
        return this.editedAt;
    }

    public int getVersion() {
        return this.version;
    }
}
