package com.foobar.infra.mariadb;

/** What a database server does in the replication topology. */
public enum DatabaseRole {

    /** Takes every write and writes the binlog the replicas follow. */
    PRIMARY,

    /** Applies the primary's binlog and serves reads; read-only for applications. */
    REPLICA

}
