#!/usr/bin/env bash
# Time of each test-first pipeline step for one app (the blog golden spec, node-express, SQLite),
# read from the project's own record (.backendforge/pipeline.json). The install step uses the
# package cache of earlier runs (see src/run/install_cache.h); the first install on a machine
# also compiles better-sqlite3 (about 2.5 CPU-minutes).
#   bench/pipeline_steps.sh [SPEC]
set -euo pipefail
cd "$(dirname "$0")/.."
SPEC="${1:-testdata/golden/specs/blog.json}"
BIN=build/backendforge
[ -x "$BIN" ] || { echo "build first: make build" >&2; exit 1; }
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
start=$(date +%s.%N)
"$BIN" generate --spec "$SPEC" --stack node-express --db sqlite --out "$OUT/app" > "$OUT/log" 2>&1 ||
  { tail -30 "$OUT/log"; exit 1; }
total=$(python3 -c "import sys, time; print(time.time() - float(sys.argv[1]))" "$start")
python3 - "$OUT/app/.backendforge/pipeline.json" "$total" <<'PY'
import json, sys
steps = json.load(open(sys.argv[1]))["steps"]
print(f'{"step":<16}{"seconds":>9}  tests')
for s in steps:
    t = s.get("tests")
    print(f'{s["name"]:<16}{s["durationMs"] / 1000:>9.1f}  ' + (f'{t["passed"]} passed, {t["failed"]} failed' if t else ""))
print(f'{"total (wall)":<16}{float(sys.argv[2]):>9.1f}')
PY
