package com.foobar.infra.load;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Gatling feeders of the accounts a virtual user acts as: one of the {@code demo-N} users that {@code ./foobar seed}
 * makes (password {@code demo-password}), or a new account whose name no other user of any run has taken.
 */
final class Accounts {

    static final String DEMO_PASSWORD = "demo-password";

    /** Names stay unique across runs: a run's start time in base 36, then a counter; 30 characters at the most. */
    private static final String RUN = Long.toString(System.currentTimeMillis(), 36);

    private static final AtomicLong NEXT = new AtomicLong();

    private Accounts() {
    }

    /** {@code username} and {@code password} of a random demo user, and {@code author}, another one to read. */
    static Iterator<Map<String, Object>> demo(int users) {
        return Stream.generate(() -> Map.<String, Object>of("username", randomDemoUser(users), "password",
                DEMO_PASSWORD, "author", randomDemoUser(users)))
            .iterator();
    }

    /** {@code username} and {@code password} of an account nobody has registered yet. */
    static Iterator<Map<String, Object>> fresh() {
        return Stream.generate(() -> Map.<String, Object>of("username", newName(), "password", "load-password-"
                + RUN))
            .iterator();
    }

    static String newName() {
        return "load-" + RUN + "-" + NEXT.incrementAndGet();
    }

    private static String randomDemoUser(int users) {
        return "demo-" + ThreadLocalRandom.current().nextInt(1, users + 1);
    }

}
