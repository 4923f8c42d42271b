package com.foobar.infra.router.health;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * What one check of a replica found.
 *
 * @param reachable whether a connection could be made and the status read
 * @param replicating whether both replication threads run (I/O and SQL)
 * @param lagSeconds the lag the replica reports, {@code null} when unknown (a thread stopped, unreachable)
 * @param problem why the check failed, empty when it did not
 * @param primaryUnreachable whether the replica applies everything it received but cannot reach the primary for
 * more (its I/O thread is {@code Connecting})
 */
public record ReplicaCheckResult(boolean reachable, boolean replicating, @Nullable Long lagSeconds, String problem,
        boolean primaryUnreachable) {

    public ReplicaCheckResult(boolean reachable, boolean replicating, @Nullable Long lagSeconds, String problem) {
        this(reachable, replicating, lagSeconds, problem, false);
    }

    /** An unreachable replica; only the first line of {@code problem} is kept (driver messages run on). */
    public static ReplicaCheckResult unreachable(String problem) {
        return new ReplicaCheckResult(false, false, null, problem.lines().findFirst().orElse("").strip());
    }

    /**
     * Whether the replica may serve reads: reachable, replicating, and no further behind than {@code maxLag}.
     * Replicas report lag in whole seconds, so {@code maxLag} counts in whole seconds too.
     *
     * <p>A replica that cannot reach a primary which is down too ({@link JdbcReplicaChecker} tells the two apart)
     * stays eligible: every replica is then in that state, and its data is the freshest there is, so reads go on.
     */
    public boolean isHealthy(Duration maxLag) {
        if (this.reachable && this.primaryUnreachable) {
            return true;
        }
        return this.reachable && this.replicating && this.lagSeconds != null
                && this.lagSeconds <= maxLag.toSeconds();
    }

    /** A short reason for logs and the health endpoint. */
    public String describe(Duration maxLag) {
        if (!this.reachable) {
            return "unreachable: " + this.problem;
        }
        if (this.primaryUnreachable) {
            return "primary unreachable, serving the data it has";
        }
        if (!this.replicating) {
            return "replication stopped" + (this.problem.isEmpty() ? "" : ": " + this.problem);
        }
        if (this.lagSeconds == null) {
            return "lag unknown";
        }
        if (this.lagSeconds > maxLag.toSeconds()) {
            return "lagging " + this.lagSeconds + " s (max " + maxLag.toSeconds() + " s)";
        }
        return "replicating, lag " + this.lagSeconds + " s";
    }

}
