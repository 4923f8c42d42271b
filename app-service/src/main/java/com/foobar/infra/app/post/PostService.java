package com.foobar.infra.app.post;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates, reads and lists posts.
 *
 * <p>Writes run in read-write transactions, which the replication router sends to the primary; reads run in
 * read-only transactions, which it sends to a replica, so a post just created may not be readable for as long as
 * the replicas lag.
 */
@Service
public class PostService {

    private final PostRepository posts;

    PostService(PostRepository posts) {
        this.posts = posts;
    }

    /**
     * Stores a new post.
     * @param body the post's text
     * @return the stored post, with its id
     */
    @Transactional
    public Post create(String body) {
        // The column keeps microseconds; truncating here makes the response match later reads.
        return this.posts.save(new Post(body, Instant.now().truncatedTo(ChronoUnit.MICROS)));
    }

    /**
     * Returns a post.
     * @param id the post's id
     * @return the post
     * @throws PostNotFoundException if no post has that id
     */
    @Transactional(readOnly = true)
    public Post get(long id) {
        return this.posts.findById(id).orElseThrow(() -> new PostNotFoundException(id));
    }

    /**
     * Returns a page of posts, newest first.
     * @param before the id cursor: only posts with a lower id, or all posts when {@code null}
     * @param limit how many posts at most
     * @return the posts, newest first
     */
    @Transactional(readOnly = true)
    public List<Post> list(@Nullable Long before, int limit) {
        if (before == null) {
            return this.posts.findAllByOrderByIdDesc(Limit.of(limit));
        }
        return this.posts.findByIdLessThanOrderByIdDesc(before, Limit.of(limit));
    }
}
