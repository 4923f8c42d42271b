package com.foobar.infra.app.post;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import com.foobar.infra.app.account.Account;
import com.foobar.infra.app.account.AccountRepository;
import com.foobar.infra.app.account.AccountService;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates, reads, edits, deletes, lists and searches posts.
 *
 * <p>Writes run in read-write transactions, which the replication router sends to the primary; reads run in
 * read-only transactions, which it sends to a replica. A client still reads its own writes at once: the router's
 * read-your-writes cookie makes its next replica read wait for the write (or read on the primary instead). Posts
 * are returned in their JSON form, made inside the transaction, where a post's lazy author can still be read.
 */
@Service
public class PostService {

    private final PostRepository posts;

    private final AccountRepository accountRepository;

    private final AccountService accounts;

    PostService(PostRepository posts, AccountRepository accountRepository, AccountService accounts) {
        this.posts = posts;
        this.accountRepository = accountRepository;
        this.accounts = accounts;
    }

    /**
     * Stores a new post.
     * @param body the post's text
     * @param authorId the id of the logged-in author, or {@code null} for a guest post
     * @return the stored post, with its id
     */
    @Transactional
    public PostResponse create(String body, @Nullable Long authorId) {
        Account author = (authorId != null) ? this.accountRepository.getReferenceById(authorId) : null;
        return PostResponse.of(this.posts.save(new Post(body, author, now())));
    }

    /**
     * Returns a post.
     * @param id the post's id
     * @return the post
     * @throws PostNotFoundException if no post has that id
     */
    @Transactional(readOnly = true)
    public PostResponse get(long id) {
        return PostResponse.of(this.posts.findWithAuthorById(id).orElseThrow(() -> new PostNotFoundException(id)));
    }

    /**
     * Replaces a post's body, if the editor wrote it and read its current version.
     * @param id the post's id
     * @param editorId the logged-in user's account id
     * @param body the new text
     * @param version the version the editor read
     * @return the edited post, with its new version
     * @throws PostNotFoundException if no post has that id
     * @throws NotTheAuthorException if the editor did not write it
     * @throws StalePostException if it was edited since the editor read it
     */
    @Transactional
    public PostResponse edit(long id, long editorId, String body, int version) {
        Post post = own(id, editorId);
        if (post.getVersion() != version) {
            throw new StalePostException(id, null);
        }
        post.edit(body, now());
        try {
            // Flushed here, so that an edit crossing this one since the read fails here, as a 409, and the
            // response shows the new version.
            return PostResponse.of(this.posts.saveAndFlush(post));
        }
        catch (OptimisticLockingFailureException ex) {
            throw new StalePostException(id, ex);
        }
    }

    /**
     * Deletes a post, if the user wrote it.
     * @param id the post's id
     * @param userId the logged-in user's account id
     * @throws PostNotFoundException if no post has that id
     * @throws NotTheAuthorException if the user did not write it
     * @throws StalePostException if it was edited while it was being deleted
     */
    @Transactional
    public void delete(long id, long userId) {
        this.posts.delete(own(id, userId));
        try {
            // Flushed here, so that an edit crossing this delete fails it here, as a 409, not at the commit after.
            this.posts.flush();
        }
        catch (OptimisticLockingFailureException ex) {
            throw new StalePostException(id, ex);
        }
    }

    /**
     * Returns a page of posts, newest first.
     * @param before the id cursor: only posts with a lower id, or from the newest when {@code null}
     * @param limit how many posts at most
     * @return the posts, newest first
     */
    @Transactional(readOnly = true)
    public List<PostResponse> list(@Nullable Long before, int limit) {
        return responses(this.posts.findByIdLessThanOrderByIdDesc(cursor(before), Limit.of(limit)));
    }

    /**
     * Returns a page of the posts that contain every word of a search, newest first.
     * @param query what the user typed; words under {@value SearchTerms#MIN_WORD_LENGTH} characters are ignored
     * @param before the id cursor, as for {@link #list}
     * @param limit how many posts at most
     * @return the matching posts, newest first; none when the query has no word long enough to search for
     */
    @Transactional(readOnly = true)
    public List<PostResponse> search(String query, @Nullable Long before, int limit) {
        Optional<String> terms = SearchTerms.booleanMode(query);
        if (terms.isEmpty()) {
            return List.of();
        }
        List<Long> ids = this.posts.searchIds(terms.get(), cursor(before), limit);
        return ids.isEmpty() ? List.of() : responses(this.posts.findByIdInOrderByIdDesc(ids));
    }

    /**
     * Returns a page of one user's posts, newest first.
     * @param username the author's username
     * @param before the id cursor, as for {@link #list}
     * @param limit how many posts at most
     * @return the user's posts, newest first
     * @throws com.foobar.infra.app.account.UserNotFoundException if no user has that name
     */
    @Transactional(readOnly = true)
    public List<PostResponse> listByAuthor(String username, @Nullable Long before, int limit) {
        Account author = this.accounts.get(username);
        return responses(this.posts.findByAuthorIdAndIdLessThanOrderByIdDesc(
                Objects.requireNonNull(author.getId(), "a stored account"), cursor(before), Limit.of(limit)));
    }

    private Post own(long id, long userId) {
        Post post = this.posts.findWithAuthorById(id).orElseThrow(() -> new PostNotFoundException(id));
        if (!post.isWrittenBy(userId)) {
            throw new NotTheAuthorException(id);
        }
        return post;
    }

    private static long cursor(@Nullable Long before) {
        return (before != null) ? before : Long.MAX_VALUE;
    }

    private static List<PostResponse> responses(List<Post> posts) {
        return posts.stream().map(PostResponse::of).toList();
    }

    private static Instant now() {
        // The columns keep microseconds; truncating here makes the response match later reads.
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
