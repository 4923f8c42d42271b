package com.foobar.infra.router.consistency;

import java.util.Optional;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A replication position a read must not be older than: a MariaDB GTID list ({@code 0-1-42,1-3-7}) or a MySQL
 * GTID set ({@code 3e11fa47-71ca-11e1-9e33-c80aa9429562:1-42}). It comes back from clients, so only those shapes
 * are accepted, and never more than 1,000 characters.
 */
public record GtidPosition(String value) {

    private static final Pattern MARIADB = Pattern.compile("\\d{1,10}-\\d{1,10}-\\d{1,20}(,\\d{1,10}-\\d{1,10}-\\d{1,20})*");

    private static final Pattern MYSQL = Pattern
        .compile("[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}(:\\d+(-\\d+)?)+(,[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}(:\\d+(-\\d+)?)+)*");

    public GtidPosition {
        if (!isValid(value)) {
            throw new IllegalArgumentException("Not a GTID position: " + value);
        }
    }

    /** The position in {@code text}, or empty when it is missing or not a GTID position. */
    public static Optional<GtidPosition> parse(@Nullable String text) {
        return (text != null && isValid(text)) ? Optional.of(new GtidPosition(text)) : Optional.empty();
    }

    private static boolean isValid(String value) {
        return value.length() <= 1000 && (MARIADB.matcher(value).matches() || MYSQL.matcher(value).matches());
    }

}
