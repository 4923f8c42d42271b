#!/bin/bash
# Starts MySQL 8.4 as member FOOBAR_DB_INDEX of the replication group: 0 is the primary, 1.. the replicas.
# docker-compose.yml sets the index; in Kubernetes it is the StatefulSet ordinal that ends the host name (mysql-2).
set -euo pipefail
export FOOBAR_DB_INDEX="${FOOBAR_DB_INDEX:-${HOSTNAME##*-}}"
# GTIDs let a replica ask the primary for exactly what it lacks (auto-positioning), and let any replica be promoted.
# --log-replica-updates keeps a replica's binlog complete, so it can be a source after a promotion.
exec docker-entrypoint.sh mysqld \
  --server-id="$((FOOBAR_DB_INDEX + 1))" \
  --gtid-mode=ON \
  --enforce-gtid-consistency=ON \
  --log-replica-updates=ON \
  --binlog-expire-logs-seconds=604800 \
  --default-time-zone=+00:00 \
  "$@"
