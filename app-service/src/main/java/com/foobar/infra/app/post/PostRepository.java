package com.foobar.infra.app.post;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/**
 * Stored posts, listed newest first by keyset on the id: {@code id < before ORDER BY id DESC}, which reads an
 * index range whatever page it is, where {@code OFFSET} would read and skip every row before the page.
 *
 * <p>The lists fetch each post's author in the same query, not one query per post: with {@code join fetch} in the
 * JPQL for the timeline reads, whose translation to SQL Hibernate then keeps in its query plan cache (with an
 * {@link EntityGraph} it translates the query again on every call), and with an entity graph elsewhere.
 */
interface PostRepository extends JpaRepository<Post, Long> {

    @EntityGraph(attributePaths = "author")
    Optional<Post> findWithAuthorById(long id);

    /** The newest posts older than a cursor, of all authors. */
    @Query("select p from Post p left join fetch p.author where p.id < :before order by p.id desc")
    List<Post> findByIdLessThanOrderByIdDesc(long before, Limit limit);

    /** A user's newest posts older than a cursor: a range of the index (author_id, id). */
    @Query("select p from Post p join fetch p.author a where a.id = :authorId and p.id < :before order by p.id desc")
    List<Post> findByAuthorIdAndIdLessThanOrderByIdDesc(long authorId, long before, Limit limit);

    /**
     * The ids of the newest posts older than a cursor that match a search, through the FULLTEXT index.
     * @param terms a boolean-mode search string made by {@link SearchTerms} (never the user's raw text)
     */
    @Query(value = "SELECT id FROM post WHERE MATCH (body) AGAINST (:terms IN BOOLEAN MODE) AND id < :before"
            + " ORDER BY id DESC LIMIT :limit", nativeQuery = true)
    List<Long> searchIds(String terms, long before, int limit);

    @EntityGraph(attributePaths = "author")
    List<Post> findByIdInOrderByIdDesc(Collection<Long> ids);
}
