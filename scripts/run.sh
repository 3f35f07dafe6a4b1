#!/usr/bin/env bash
# Starts BackendForge on its embedded defaults: SQLite under ./.data, the offline analyzer,
# http://127.0.0.1:8080. `make run` builds first; any BACKENDFORGE_* variable or flag overrides
# a default (e.g. BACKENDFORGE_PORT=9090 make run, or ./scripts/run.sh --port 9090).
set -euo pipefail
cd "$(dirname "$0")/.."
BIN="${BUILD_DIR:-build}/backendforge"
if [ ! -x "$BIN" ]; then
  echo "run: $BIN is missing; build it with: make build" >&2
  exit 1
fi
export BACKENDFORGE_DATA="${BACKENDFORGE_DATA:-./.data}"
HOST="${BACKENDFORGE_HOST:-127.0.0.1}"
PORT="${BACKENDFORGE_PORT:-8080}"
echo "BackendForge: open http://${HOST}:${PORT} (data in ${BACKENDFORGE_DATA}; Ctrl-C stops it)"
exec "$BIN" serve "$@"
