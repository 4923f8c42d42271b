# Sourced by the MySQL image's entrypoint on the first start only (empty data directory), on every member.
# The primary creates the database and the accounts; they reach the replicas through the binlog like any other
# transaction. A replica starts replicating from the primary's first GTID on (auto-positioning), so it needs no dump.
secrets=/run/secrets/foobar
replication_password="$(< "$secrets/replication-password")"

# FOOBAR_SEMI_SYNC=ON: the primary acknowledges a commit once a replica has it too (after 10 s without one, it
# carries on asynchronously). $1 is the plugin's side: source or replica.
enable_semi_sync() {
  [ "${FOOBAR_SEMI_SYNC:-OFF}" = ON ] || return 0
  docker_process_sql <<SQL
INSTALL PLUGIN rpl_semi_sync_$1 SONAME 'semisync_$1.so';
SET PERSIST rpl_semi_sync_$1_enabled = ON;
SQL
}

if [ "$FOOBAR_DB_INDEX" = 0 ]; then
  app_password="$(< "$secrets/app-password")"
  docker_process_sql <<SQL
CREATE DATABASE foobar;
CREATE USER 'foobar'@'%' IDENTIFIED BY '${app_password}';
GRANT ALL PRIVILEGES ON foobar.* TO 'foobar'@'%';
-- The router reads SHOW REPLICA STATUS to take lagging replicas out of the read rotation.
GRANT REPLICATION CLIENT ON *.* TO 'foobar'@'%';
CREATE USER 'replication'@'%' IDENTIFIED BY '${replication_password}' REQUIRE SSL;
GRANT REPLICATION SLAVE ON *.* TO 'replication'@'%';
SQL
  enable_semi_sync source
else
  enable_semi_sync replica
  # Whatever this member logged of its own while the image set it up (the time zone tables, unless
  # MYSQL_INITDB_SKIP_TZINFO) would be GTIDs the primary never had: errant transactions that break a later promotion,
  # since the other replicas cannot fetch them from anyone. A replica's history starts empty.
  # The primary may still be starting, or be down for a while later: the receiver retries every 5 s for 5 days
  # (MySQL 8.4's default gives up after 10 tries), and healthy.sh restarts it should it still stop.
  docker_process_sql <<SQL
RESET BINARY LOGS AND GTIDS;
CHANGE REPLICATION SOURCE TO SOURCE_HOST = 'db-primary', SOURCE_PORT = 3306, SOURCE_USER = 'replication',
  SOURCE_PASSWORD = '${replication_password}', SOURCE_SSL = 1, SOURCE_AUTO_POSITION = 1,
  SOURCE_CONNECT_RETRY = 5, SOURCE_RETRY_COUNT = 86400;
START REPLICA;
SET PERSIST super_read_only = ON;
SQL
fi
