#!/usr/bin/env bash
# Every benchmark, figures printed. Build first (make bench does).
set -euo pipefail
cd "$(dirname "$0")/.."
ninja -C build ws_clients > /dev/null
echo "== server load (bench/server_load.sh)"
./bench/server_load.sh "${BENCH_SECONDS:-15}"
