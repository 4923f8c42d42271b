package com.foobar.infra.router.health;

/**
 * The rise/fall state of one replica, as HAProxy keeps it for a server: a replica in service leaves after
 * {@code fall} failed checks in a row and comes back after {@code rise} good checks in a row. A replica starts
 * in service, so reads are spread from the first request; the first failed checks take it out.
 */
final class ReplicaState {

    /** What a check changed. */
    enum Transition {

        NONE, WENT_DOWN, CAME_UP

    }

    private final int rise;

    private final int fall;

    private boolean up = true;

    private int streak;

    ReplicaState(int rise, int fall) {
        this.rise = rise;
        this.fall = fall;
    }

    synchronized Transition record(boolean healthy) {
        if (healthy == this.up) {
            this.streak = 0;
            return Transition.NONE;
        }
        this.streak++;
        if (this.streak < (this.up ? this.fall : this.rise)) {
            return Transition.NONE;
        }
        this.up = healthy;
        this.streak = 0;
        return healthy ? Transition.CAME_UP : Transition.WENT_DOWN;
    }

    /** Takes the replica out now, whatever its streak; it comes back after {@code rise} good checks. */
    synchronized Transition markDown() {
        this.streak = 0;
        if (!this.up) {
            return Transition.NONE;
        }
        this.up = false;
        return Transition.WENT_DOWN;
    }

    synchronized boolean isUp() {
        return this.up;
    }

}
