package com.foobar.infra.app.seed;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo posts: sentences about the topology (so that a search for "replica" or "gateway" finds some), spread over
 * the demo users at random and over the last hours, oldest first so that ids and times agree.
 */
@Component
class DemoPosts {

    private static final String[] SUBJECTS = { "The gateway", "A replica", "The primary", "Our web tier",
            "The load balancer", "Every app server", "The binlog", "A health check", "The session table",
            "Prometheus" };

    private static final String[] VERBS = { "answered", "replicated", "balanced", "survived", "measured", "served",
            "retried", "drained", "cached", "logged" };

    private static final String[] OBJECTS = { "ten thousand requests", "a failover", "the morning traffic",
            "a slow query", "every login", "the p99 latency", "a kill -9", "the replica lag", "a TLS handshake",
            "the keyset pagination" };

    private static final String[] ENDINGS = { "without a hitch.", "in under a second.", "while I watched /infra.",
            "and nobody noticed.", "twice, to be sure.", "during the load test." };

    private static final Duration SPACING = Duration.ofSeconds(30);

    private final JdbcTemplate jdbc;

    DemoPosts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Inserts a batch of posts, in one read-write transaction (so on the primary) and one JDBC batch.
     * @param count how many posts
     * @param first the number of the batch's first post in the whole run, which places it in time
     * @param total how many posts the whole run inserts
     * @param authorIds whom to spread them over; guest posts when empty
     * @param random the run's random source
     */
    @Transactional
    void insert(int count, int first, int total, List<Long> authorIds, Random random) {
        Instant end = Instant.now();
        List<Object[]> rows = new ArrayList<>(count);
        for (int i = first; i < first + count; i++) {
            @Nullable Long author = authorIds.isEmpty() ? null : authorIds.get(random.nextInt(authorIds.size()));
            rows.add(new Object[] { body(random), author,
                    Timestamp.from(end.minus(SPACING.multipliedBy(total - i))) });
        }
        this.jdbc.batchUpdate("INSERT INTO post (body, author_id, created_at) VALUES (?, ?, ?)", rows);
    }

    private static String body(Random random) {
        return pick(SUBJECTS, random) + " " + pick(VERBS, random) + " " + pick(OBJECTS, random) + " "
                + pick(ENDINGS, random);
    }

    private static String pick(String[] words, Random random) {
        return words[random.nextInt(words.length)];
    }
}
