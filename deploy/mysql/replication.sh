# Sourced by the MySQL image's entrypoint on the first start only (empty data directory), on every member.
# The primary creates the database and the accounts; they reach the replicas through the binlog like any other
# transaction. A replica starts replicating from the primary's first GTID on (auto-positioning), so it needs no dump.
# FOOBAR_SEMI_SYNC=ON makes the primary wait for one replica to have a commit before it acknowledges it.
secrets=/run/secrets/foobar
replication_password="$(< "$secrets/replication-password")"
semi_sync="${FOOBAR_SEMI_SYNC:-OFF}"

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
  if [ "$semi_sync" = ON ]; then
    docker_process_sql <<SQL
INSTALL PLUGIN rpl_semi_sync_source SONAME 'semisync_source.so';
SET PERSIST rpl_semi_sync_source_enabled = ON;
SET PERSIST rpl_semi_sync_source_timeout = 1000;
SQL
  fi
else
  if [ "$semi_sync" = ON ]; then
    docker_process_sql <<SQL
INSTALL PLUGIN rpl_semi_sync_replica SONAME 'semisync_replica.so';
SET PERSIST rpl_semi_sync_replica_enabled = ON;
SQL
  fi
  # The primary may still be starting: the replica keeps retrying every 5 s for 10 minutes.
  docker_process_sql <<SQL
CHANGE REPLICATION SOURCE TO SOURCE_HOST = 'db-primary', SOURCE_PORT = 3306, SOURCE_USER = 'replication',
  SOURCE_PASSWORD = '${replication_password}', SOURCE_SSL = 1, SOURCE_AUTO_POSITION = 1,
  SOURCE_CONNECT_RETRY = 5, SOURCE_RETRY_COUNT = 120;
START REPLICA;
SET PERSIST super_read_only = ON;
SQL
fi
