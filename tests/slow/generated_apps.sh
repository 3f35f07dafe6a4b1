#!/usr/bin/env bash
# Slow tier: from plain-language descriptions to running, verified backends.
#
# For every description in tests/slow/descriptions/*.txt and every database (sqlite, postgres):
#   1. `backendforge new --yes` runs the whole test-first pipeline (install, red, green, lint, commit);
#   2. the app's own test suite runs again on a fresh checkout of the output (`git clone`, `npm ci`,
#      `npm test`) -- for the first SQLite app (FRESH_CLONES=all: every one), to keep the tier short;
#   3. for the first SQLite app, `backendforge test --filter` runs one test of one file (and only it);
#   4. the app is started (`npm start`) on a free loopback port and checked from outside by
#      `backendforge verify` (the contract) and Schemathesis (its own /openapi.json).
# A real PostgreSQL server is started on loopback for the run (scripts/pg.sh) and stopped after.
#
#   tests/slow/generated_apps.sh BACKENDFORGE_BINARY [NAME_FILTER]
# Environment: KEEP=1 keeps the work folder; ST_EXAMPLES (default 10) Schemathesis examples per
# operation; DATABASES (default "sqlite postgres").
# Exit status 0 only when every app passed every step. Figures: one line per step with its time.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
BF="$(cd "$(dirname "${1:?usage: generated_apps.sh BACKENDFORGE_BINARY [NAME_FILTER]}")" && pwd)/$(basename "$1")"
FILTER="${2:-}"
DATABASES="${DATABASES:-sqlite postgres}"
ST_EXAMPLES="${ST_EXAMPLES:-10}"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/bf-slow.XXXXXX")"
chmod 755 "$WORK"
PIDS=()
cleanup() {
  for p in "${PIDS[@]:-}"; do [ -n "$p" ] && kill -- "-$p" 2>/dev/null || true; done
  "$ROOT/scripts/pg.sh" stop "$WORK/pg" >/dev/null 2>&1 || true
  if [ "${KEEP:-0}" = 1 ]; then echo "kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

elapsed() { python3 -c "import sys, time; print(f'{time.time() - float(sys.argv[1]):.1f}')" "$1"; }

step() {  # step NAME COMMAND... : runs it, prints "ok NAME (Ns)" or the log tail and fails
  local name=$1
  shift
  local t0
  t0=$(date +%s.%N)
  if "$@" > "$WORK/step.log" 2>&1; then
    printf 'ok   %-55s %6.1f s\n' "$name" "$(elapsed "$t0")"
  else
    printf 'FAIL %-55s %6.1f s\n' "$name" "$(elapsed "$t0")"
    tail -n 60 "$WORK/step.log" | sed 's/^/     | /'
    FAILED+=("$name")
    return 1
  fi
}

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# Schemathesis from PyPI, in a venv kept next to the build (reused between runs).
ST_VENV="${ST_VENV:-$(dirname "$BF")/schemathesis-venv}"
if [ ! -x "$ST_VENV/bin/schemathesis" ]; then
  python3 -m venv "$ST_VENV"
  "$ST_VENV/bin/pip" install --quiet --disable-pip-version-check "schemathesis==4.32.5"
fi
"$ST_VENV/bin/python" "$ROOT/tests/slow/schemathesis_hooks.py"  # the hook's own self-test

PGURL=""
if [[ " $DATABASES " == *" postgres "* ]]; then
  PGURL="$("$ROOT/scripts/pg.sh" start "$WORK/pg")"
  PGPORT="$(cat "$WORK/pg/port")"
  PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  echo "PostgreSQL on 127.0.0.1:$PGPORT"
fi
createdb() { "$PGBIN/psql" -q -h 127.0.0.1 -p "$PGPORT" -U postgres -d postgres -c "CREATE DATABASE \"$1\"" ; }

start_app() {  # start_app DIR PORT DATABASE_URL -> pid in APP_PID
  (cd "$1" && exec setsid env -i PATH="$PATH" HOME="$WORK" NODE_ENV=production HOST=127.0.0.1 PORT="$2" \
    DATABASE_URL="$3" JWT_SECRET="slow-tier-secret-0123456789abcdef0123456789" LOG_LEVEL=warn \
    ADMIN_EMAIL=admin@example.com ADMIN_PASSWORD=admin-password-123 npm start > "$1/../app-$2.log" 2>&1) &
  APP_PID=$!
  PIDS+=("$APP_PID")
  for _ in $(seq 1 300); do
    curl -sf -o /dev/null --max-time 1 "http://127.0.0.1:$2/ready" && return 0
    kill -0 "$APP_PID" 2>/dev/null || { cat "$1/../app-$2.log"; return 1; }
    sleep 0.1
  done
  cat "$1/../app-$2.log"
  return 1
}

one_test() {  # DIR: the runner itself runs only the named test (the Tests tab's "run one")
  local pick
  pick=$(python3 - "$1/reports/junit.xml" <<'PY'
import sys, xml.etree.ElementTree as ET
case = ET.parse(sys.argv[1]).getroot().find(".//testcase")
print(case.get("classname") + " > " + case.get("name"))
PY
) || return 1
  "$BF" test --project "$1" --filter "$pick" --json >"$1.one-test.json" || { cat "$1.one-test.json"; return 1; }
  python3 - "$1.one-test.json" "$1/reports/junit.xml" "$pick" <<'PY'
import json, sys, xml.etree.ElementTree as ET
r = json.load(open(sys.argv[1]))
assert r["status"] == "passed" and r["passed"] == 1 and [x["name"] for x in r["results"]] == [sys.argv[3]], r
root = ET.parse(sys.argv[2]).getroot()
suites = root.findall(".//testsuite")
ran = [c for c in root.iter("testcase") if c.find("skipped") is None]
assert len(suites) == 1 and len(ran) == 1, f"{len(suites)} files and {len(ran)} tests ran"
print("ran only:", sys.argv[3])
PY
}

login_collection() {  # SPEC: the API path of the login entity's records (/api/users, /api/customers, ...)
  python3 "$ROOT/tests/slow/spec_paths.py" login "$1"
}

run_schemathesis() {  # URL SPEC: default checks against the app's own /openapi.json, as the admin
  local token login
  login=$(login_collection "$2") || { echo "could not read the login entity from $2"; return 1; }
  token=$(curl -sf -X POST "$1/auth/login" -H 'content-type: application/json' \
    -d '{"email":"admin@example.com","password":"admin-password-123"}' |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["accessToken"])') ||
    { echo "could not sign in as the admin"; return 1; }
  local filters=(--exclude-name "DELETE $login/{id}")  # the admin deleting itself ends the run's session
  curl -sf "$1/openapi.json" | grep -q '"/api/events"' && filters+=(--exclude-path /api/events)  # a stream
  SCHEMATHESIS_HOOKS="$ROOT/tests/slow/schemathesis_hooks.py" BF_SCHEMATHESIS_SPEC="$2" \
    "$ST_VENV/bin/schemathesis" --config-file "$ROOT/tests/slow/schemathesis.toml" run "$1/openapi.json" \
    -H "Authorization: Bearer $token" "${filters[@]}" --max-examples "$ST_EXAMPLES" --seed 1 --no-color --workers 1
}

FAILED=()
for desc in "$ROOT"/tests/slow/descriptions/*.txt; do
  name=$(basename "$desc" .txt)
  [ -n "$FILTER" ] && [[ "$name" != *"$FILTER"* ]] && continue
  for db in $DATABASES; do
    APPS=$((${APPS:-0} + 1))
    out="$WORK/$name-$db"
    extra=()
    if [ "$db" = postgres ]; then
      createdb "${name}_test" && createdb "${name}_app"
      extra=(--test-database-url "${PGURL%/postgres}/${name}_test")
      dburl="${PGURL%/postgres}/${name}_app"
    else
      dburl="sqlite:$WORK/$name-$db.db"
    fi
    step "$name/$db: backendforge new --yes (red, green, lint)" \
      "$BF" new --file "$desc" --yes --db "$db" --stack node-express --out "$out" "${extra[@]}" || continue
    step "$name/$db: pipeline record (red failed, green passed)" python3 - "$out/.backendforge/pipeline.json" <<'PY' || continue
import json, sys
steps = {s["name"]: s for s in json.load(open(sys.argv[1]))["steps"]}
red, green = steps["test-red"], steps["test-green"]
assert red["status"] == "ok" and red["tests"]["failed"] > 0, red  # the red step is ok when tests fail
assert green["status"] == "ok" and green["tests"]["failed"] == 0 and green["tests"]["passed"] > 0, green
print("red", red["tests"], "green", green["tests"])
PY
    if [ "$db" = sqlite ] && { [ -z "${CLONED:-}" ] || [ "${FRESH_CLONES:-one}" = all ]; }; then
      CLONED=1
      step "$name/$db: npm test on a fresh clone" bash -c \
        "git clone -q '$out' '$WORK/$name-clone' && cd '$WORK/$name-clone' && npm ci --no-audit --no-fund --cache '${BF_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/backendforge}/node-express' --prefer-offline >/dev/null && npm test" || true
      rm -rf "$WORK/$name-clone"
    fi
    step "$name/$db: build output stamped with its sources (a preview starts without building)" \
      test -s "$out/dist/.backendforge-build-stamp" || true
    if [ "$db" = sqlite ] && [ -z "${ONE_TEST_DONE:-}" ]; then
      ONE_TEST_DONE=1
      step "$name/$db: backendforge test --filter (one test of one file)" one_test "$out" || true
    fi
    port=$(free_port)
    step "$name/$db: npm start, /ready" start_app "$out" "$port" "$dburl" || continue
    step "$name/$db: backendforge verify" env ADMIN_EMAIL=admin@example.com ADMIN_PASSWORD=admin-password-123 \
      BF="$BF" "$ROOT/scripts/verify_app.sh" "http://127.0.0.1:$port" "$out/.backendforge/spec.json" || true
    # Schemathesis' stateful phase is not deterministic even with a seed; a failure is retried
    # once and reported either way (the first run's output stays in the log above).
    step "$name/$db: schemathesis (default checks)" run_schemathesis "http://127.0.0.1:$port" "$out/.backendforge/spec.json" ||
      { unset 'FAILED[-1]'; step "$name/$db: schemathesis, second run" run_schemathesis "http://127.0.0.1:$port" "$out/.backendforge/spec.json"; } || true
    kill -- "-$APP_PID" 2>/dev/null || true
    wait "$APP_PID" 2>/dev/null || true
  done
done

if [ "${APPS:-0}" -eq 0 ]; then
  echo "no description matched \"$FILTER\" in tests/slow/descriptions" >&2
  exit 1
fi
if [ ${#FAILED[@]} -gt 0 ]; then
  echo "${#FAILED[@]} step(s) failed:"
  printf '  %s\n' "${FAILED[@]}"
  exit 1
fi
echo "all generated apps passed"
