-- Accounts. A username is 3..30 characters of [a-z0-9_-] (the API validates it), so ASCII with a binary collation:
-- the unique index compares bytes and is a quarter the size of a utf8mb4 one.
CREATE TABLE users (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    username      VARCHAR(30)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    -- A DelegatingPasswordEncoder hash: "{argon2}" and the Argon2id PHC string (about 130 characters today;
    -- room for a stronger algorithm or parameters later, which the prefix tells apart).
    password_hash VARCHAR(255) NOT NULL,
    created_at    TIMESTAMP(6) NOT NULL,
    PRIMARY KEY (id),
    -- Log-in and the per-user page find a user by name. The index is also what settles two registrations of one
    -- name racing on two application servers: the second insert fails, and the API answers 409.
    UNIQUE KEY users_username_uk (username)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
