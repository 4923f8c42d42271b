-- Posts get an author (NULL for a guest post), a version for optimistic locking (an edit names the version it
-- started from; a stale one is refused) and the instant of the last edit.
ALTER TABLE post
    ADD COLUMN author_id BIGINT       NULL,
    ADD COLUMN version   INT          NOT NULL DEFAULT 0,
    ADD COLUMN edited_at TIMESTAMP(6) NULL,
    -- A user's page lists by keyset: WHERE author_id = ? AND id < ? ORDER BY id DESC LIMIT ?. With (author_id, id)
    -- that is one range of the index read backwards, no sort and no rows of other authors. The foreign key needs
    -- an index that starts with author_id, and this one is it.
    ADD INDEX post_author_id_idx (author_id, id),
    ADD CONSTRAINT post_author_fk FOREIGN KEY (author_id) REFERENCES users (id);

-- Text search: MATCH (body) AGAINST (? IN BOOLEAN MODE). A LIKE '%word%' would read every row; the FULLTEXT index
-- is an inverted index of words. Its own statement, because InnoDB rebuilds the table to add the hidden
-- FTS_DOC_ID column for the first FULLTEXT index, and MySQL allows no other change in that ALTER.
ALTER TABLE post ADD FULLTEXT INDEX post_body_ft (body);
