#!/usr/bin/env bash
# Runs the test suite against a throwaway local PostgreSQL cluster (temp dir, free port, stopped on exit).
# Needs PostgreSQL server binaries (Debian: apt-get install postgresql; PG_BIN defaults to version 15's).
# Extra arguments go to vitest, e.g. `scripts/test-postgres.sh test/posts.test.ts`.
set -euo pipefail
PG_BIN="${PG_BIN:-/usr/lib/postgresql/15/bin}"
PORT="${PG_PORT:-$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")}"
dir="$(mktemp -d /tmp/app-pg.XXXXXX)"

as_pg() {
  # initdb refuses to run as root: use the postgres system user then.
  if [ "$(id -u)" = 0 ]; then runuser -u "${PG_USER:-postgres}" -- "$@"; else "$@"; fi
}
if [ "$(id -u)" = 0 ]; then chown "${PG_USER:-postgres}" "$dir"; fi

cleanup() {
  as_pg "$PG_BIN/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap cleanup EXIT

as_pg "$PG_BIN/initdb" -D "$dir/data" -U app --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
as_pg "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
  -o "-p $PORT -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null
as_pg "$PG_BIN/createdb" -h 127.0.0.1 -p "$PORT" -U app app_test

echo "PostgreSQL on 127.0.0.1:$PORT ($dir)"
TEST_DATABASE_URL="postgres://app@127.0.0.1:$PORT/app_test" npx vitest run "$@"
