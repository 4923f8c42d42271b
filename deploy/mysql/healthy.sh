#!/bin/bash
# A MySQL member's health, for compose's healthcheck and Kubernetes' readiness probe. Healthy: it answers over TCP
# (the image's temporary set-up server does not listen on TCP, so this means really up) and, on a replica, both
# replication threads run. A replica whose receiver has stopped (its retries ran out, or a network error it gave up
# on) gets a START REPLICA from each check until it runs again, so replication resumes by itself once the primary
# is back; a stopped applier means a transaction failed and needs a person (docs/deploy.md), so it is only reported.
set -euo pipefail
mysqladmin ping --host=127.0.0.1 --silent
export MYSQL_PWD="$(< /run/secrets/foobar/root-password)"
status="$(mysql --user=root --execute='SHOW REPLICA STATUS\G')"
field() { sed -n "s/^ *$1: //p" <<<"$status"; }
# No replica status: the primary (or a replica promoted with RESET REPLICA ALL).
[ -n "$status" ] || exit 0
if [ "$(field Replica_IO_Running)" = No ]; then
  echo "replication receiver stopped ($(field Last_IO_Error)); starting it again" >&2
  mysql --user=root --execute='START REPLICA IO_THREAD'
  exit 1
fi
if [ "$(field Replica_SQL_Running)" != Yes ]; then
  echo "replication applier stopped: $(field Last_SQL_Error)" >&2
  exit 1
fi
