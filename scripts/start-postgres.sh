#!/usr/bin/env bash
# Start a local PostgreSQL for the ledger's tests and print the URL to use.
#
#   eval "$(scripts/start-postgres.sh)"      # sets ONRECORD_TEST_PG_URL in this shell
#   .venv/bin/pytest tests/ledger            # storage tests now run on SQLite and PostgreSQL
#
# Installs the Debian package if missing (apt-get install -y postgresql), starts the
# distribution's cluster (pg_ctlcluster), creates a role and a database, and prints
# `export ONRECORD_TEST_PG_URL=...` on stdout; everything else goes to stderr.  Safe to run
# again: it starts only what is not running and creates only what is missing.
#
# Settings (environment): ONRECORD_PG_USER, ONRECORD_PG_PASSWORD, ONRECORD_PG_DB,
# ONRECORD_PG_PORT (default: onrecord / onrecord / onrecord_test / the cluster's port).
set -euo pipefail

PG_USER="${ONRECORD_PG_USER:-onrecord}"
PG_PASSWORD="${ONRECORD_PG_PASSWORD:-onrecord}"
PG_DB="${ONRECORD_PG_DB:-onrecord_test}"

log() { echo "start-postgres: $*" >&2; }

# run as root directly, else through sudo (CI runners and dev machines differ)
as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}
as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    sudo -u postgres "$@"
  fi
}

if ! command -v pg_lsclusters >/dev/null 2>&1 || [ -z "$(ls /usr/lib/postgresql 2>/dev/null)" ]; then
  log "installing postgresql (apt-get)"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >&2 \
    || { as_root apt-get update -q >&2 && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >&2; }
fi

# the newest installed server version, and its cluster (created if the package did not)
VERSION="$(ls /usr/lib/postgresql | sort -V | tail -n 1)"
CLUSTER=main
if ! pg_lsclusters -h | awk -v v="$VERSION" -v c="$CLUSTER" '$1 == v && $2 == c {found=1} END {exit !found}'; then
  log "creating cluster $VERSION/$CLUSTER"
  as_root pg_createcluster "$VERSION" "$CLUSTER" >&2
fi
PORT="${ONRECORD_PG_PORT:-$(pg_lsclusters -h | awk -v v="$VERSION" -v c="$CLUSTER" '$1 == v && $2 == c {print $3}')}"
STATUS="$(pg_lsclusters -h | awk -v v="$VERSION" -v c="$CLUSTER" '$1 == v && $2 == c {print $4}')"
if [ "$STATUS" != "online" ]; then
  log "starting cluster $VERSION/$CLUSTER on port $PORT"
  as_root pg_ctlcluster "$VERSION" "$CLUSTER" start >&2
fi

# wait until it accepts connections (a fresh start takes a moment)
for _ in $(seq 1 60); do
  if as_postgres pg_isready -q -p "$PORT"; then break; fi
  sleep 0.5
done
as_postgres pg_isready -q -p "$PORT" || { log "server on port $PORT does not answer"; exit 1; }

psql_admin() { as_postgres psql -v ON_ERROR_STOP=1 -q -X -p "$PORT" "$@"; }

if [ "$(psql_admin -tAc "SELECT 1 FROM pg_roles WHERE rolname = '$PG_USER'")" != "1" ]; then
  log "creating role $PG_USER"
  psql_admin -c "CREATE ROLE \"$PG_USER\" LOGIN PASSWORD '$PG_PASSWORD'" >&2
fi
if [ "$(psql_admin -tAc "SELECT 1 FROM pg_database WHERE datname = '$PG_DB'")" != "1" ]; then
  log "creating database $PG_DB"
  psql_admin -c "CREATE DATABASE \"$PG_DB\" OWNER \"$PG_USER\"" >&2
  # a test database: a server crash may lose the last commits (a killed client loses nothing)
  psql_admin -c "ALTER DATABASE \"$PG_DB\" SET synchronous_commit = off" >&2
fi

URL="postgresql://$PG_USER:$PG_PASSWORD@127.0.0.1:$PORT/$PG_DB"
log "ready: $URL"
echo "export ONRECORD_TEST_PG_URL=$URL"
