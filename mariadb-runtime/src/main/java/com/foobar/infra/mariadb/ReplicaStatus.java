package com.foobar.infra.mariadb;

import org.jspecify.annotations.Nullable;

/**
 * A replica's view of its replication, as {@code SHOW REPLICA STATUS} reports it.
 *
 * @param ioRunning whether the thread reading the primary's binlog runs
 * @param sqlRunning whether the thread applying it runs
 * @param secondsBehind the lag the replica reports, {@code null} while a thread is stopped
 * @param gtidPosition the last GTID the replica applied ({@code gtid_slave_pos})
 * @param lastError the last replication error, empty when there is none
 */
public record ReplicaStatus(boolean ioRunning, boolean sqlRunning, @Nullable Long secondsBehind, String gtidPosition,
        String lastError) {

    public boolean isReplicating() {
        return this.ioRunning && this.sqlRunning;
    }

}
