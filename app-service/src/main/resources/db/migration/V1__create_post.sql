-- Posts are listed newest first by keyset on id (WHERE id < ? ORDER BY id DESC LIMIT ?). InnoDB clusters rows by
-- the primary key, so the primary key is the index that listing needs: it reads one range backwards, with no sort.
CREATE TABLE post (
    id         BIGINT         NOT NULL AUTO_INCREMENT,
    body       VARCHAR(10000) NOT NULL,
    created_at TIMESTAMP(6)   NOT NULL,
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
