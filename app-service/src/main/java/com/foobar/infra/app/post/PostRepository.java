package com.foobar.infra.app.post;

import java.util.List;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;

/**
 * Stored posts, listed newest first by keyset on the id.
 */
interface PostRepository extends JpaRepository<Post, Long> {

    /**
     * Returns the newest posts.
     * @param limit how many posts at most
     * @return the posts, newest first
     */
    List<Post> findAllByOrderByIdDesc(Limit limit);

    /**
     * Returns the newest posts older than a cursor.
     * @param before the id that every returned post's id is lower than
     * @param limit how many posts at most
     * @return the posts, newest first
     */
    List<Post> findByIdLessThanOrderByIdDesc(long before, Limit limit);
}
