package com.foobar.infra.app.seed;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo users {@code demo-1} .. {@code demo-N}, each with the password {@value #PASSWORD}: creates those that are
 * missing and keeps those that exist, so seeding twice leaves one of each.
 */
@Component
class DemoUsers {

    static final String PASSWORD = "demo-password";

    private final NamedParameterJdbcTemplate jdbc;

    private final PasswordEncoder passwordEncoder;

    DemoUsers(NamedParameterJdbcTemplate jdbc, PasswordEncoder passwordEncoder) {
        this.jdbc = jdbc;
        this.passwordEncoder = passwordEncoder;
    }

    /**
     * Makes sure the first {@code count} demo users exist; a read-write transaction, so on the primary.
     * @param count how many
     * @return the result, with every demo user's id
     */
    @Transactional
    Result ensure(int count) {
        List<String> names = IntStream.rangeClosed(1, count).mapToObj((i) -> "demo-" + i).toList();
        if (names.isEmpty()) {
            return new Result(List.of(), 0);
        }
        Map<String, Long> existing = ids(names);
        List<String> missing = names.stream().filter((name) -> !existing.containsKey(name)).toList();
        if (!missing.isEmpty()) {
            // One Argon2 hash for all: each costs 16 MiB and tens of milliseconds, and the demo accounts share a
            // published password anyway, so distinct salts would protect nothing here.
            String hash = this.passwordEncoder.encode(PASSWORD);
            Timestamp now = Timestamp.from(Instant.now());
            this.jdbc.batchUpdate("INSERT INTO users (username, password_hash, created_at) VALUES (:name, :hash, :now)",
                    missing.stream().map((name) -> Map.of("name", name, "hash", hash, "now", now))
                            .toArray(Map[]::new));
        }
        return new Result(new ArrayList<>(ids(names).values()), missing.size());
    }

    private Map<String, Long> ids(List<String> names) {
        Map<String, Long> ids = new LinkedHashMap<>();
        this.jdbc.query("SELECT id, username FROM users WHERE username IN (:names) ORDER BY id", Map.of("names", names),
                (row) -> {
                    ids.put(row.getString("username"), row.getLong("id"));
                });
        return ids;
    }

    /**
     * @param ids every demo user's account id
     * @param created how many of them this run created
     */
    record Result(List<Long> ids, int created) {
    }
}
