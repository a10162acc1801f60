#!/usr/bin/env bash
# Start a throw-away PostgreSQL on 127.0.0.1 for the tests and print its URL; `--stop` stops it.
# PostgreSQL refuses to run as root, so the server runs as the `postgres` system user.
set -euo pipefail
STATE=${RK_PG_STATE:-/tmp/reserve-keeper-test-pg}
PORT=${RK_PG_PORT:-55433}
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
[ -n "$PGBIN" ] || { echo "no PostgreSQL server binaries found" >&2; exit 1; }
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

if [ "${1:-}" = "--stop" ]; then
  [ -d "$STATE/data" ] && as_pg "$PGBIN/pg_ctl" -D "$STATE/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$STATE"
  exit 0
fi

if [ -d "$STATE/data" ]; then
  as_pg "$PGBIN/pg_ctl" -D "$STATE/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$STATE"
fi
mkdir -p "$STATE"
if [ "$(id -u)" = 0 ]; then chown postgres:postgres "$STATE"; fi
chmod 700 "$STATE"
as_pg "$PGBIN/initdb" -D "$STATE/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >/dev/null
as_pg "$PGBIN/pg_ctl" -D "$STATE/data" -l "$STATE/log" -w \
  -o "-c listen_addresses=127.0.0.1 -p $PORT -k $STATE -c fsync=off -c max_connections=100" start >/dev/null
as_pg "$PGBIN/createdb" -h 127.0.0.1 -p "$PORT" -U postgres rk_test
echo "postgresql+psycopg://postgres@127.0.0.1:$PORT/rk_test"
