package com.foobar.infra.balancing.pool;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Requests per second over a sliding window of whole seconds, as HAProxy's stats show a server's session rate.
 *
 * <p>One counter per second in a small ring; a slot is reset the first time a new second lands on it, so
 * recording costs two atomic operations and no lock.
 */
final class RequestRate {

    private static final int WINDOW_SECONDS = 5;

    private static final int SLOTS = WINDOW_SECONDS + 1;

    private final AtomicLongArray counts = new AtomicLongArray(SLOTS);

    private final AtomicLongArray seconds = new AtomicLongArray(SLOTS);

    void record() {
        long second = System.nanoTime() / 1_000_000_000L;
        int slot = (int) Math.floorMod(second, SLOTS);
        long seen = this.seconds.get(slot);
        if (seen != second && this.seconds.compareAndSet(slot, seen, second)) {
            this.counts.set(slot, 0);
        }
        this.counts.incrementAndGet(slot);
    }

    /** The mean rate over the last complete seconds of the window. */
    double perSecond() {
        long now = System.nanoTime() / 1_000_000_000L;
        long total = 0;
        for (int i = 0; i < SLOTS; i++) {
            long second = this.seconds.get(i);
            if (second < now && now - second <= WINDOW_SECONDS) {
                total += this.counts.get(i);
            }
        }
        return (double) total / WINDOW_SECONDS;
    }
}
