#!/usr/bin/env bash
# Time from POST /api/preview to "healthy" for a generated Node app whose dependencies are
# installed (the acceptance target: under 2 s). Starts a server on a fresh data folder, registers,
# creates a project from a golden spec and generates it through the API (minutes the first time
# on a machine: npm install runs in the sandbox), then RUNS times: POST /api/preview, poll
# GET /api/preview/{pid} every 20 ms until healthy, DELETE. Prints each time and the median, and
# one GET /preview/{pid}/health through the proxy. For context it also prints the load average
# and the start of a bare `node -e 0` measured in the same run (a loaded machine slows both).
#   bench/preview_start.sh [RUNS] [SPEC]
#   BENCH_DATA=dir bench/preview_start.sh   keeps the data folder in dir; a later run with the same
#                                           dir reuses its generated project (no new generation)
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${1:-5}"
SPEC="${2:-testdata/golden/specs/blog.json}"
BIN="${BIN:-build/backendforge}"
[ -x "$BIN" ] || { echo "build first: ninja -C build backendforge" >&2; exit 1; }

if [ -n "${BENCH_DATA:-}" ]; then
  DATA="$BENCH_DATA"
  mkdir -p "$DATA"
else
  DATA=$(mktemp -d)
fi
cleanup() {
  [ -n "${SPID:-}" ] && kill -TERM "$SPID" 2>/dev/null && wait "$SPID" 2>/dev/null
  [ -n "${BENCH_DATA:-}" ] || rm -rf "$DATA"
}
trap cleanup EXIT

export BACKENDFORGE_LOG_LEVEL=warn BACKENDFORGE_COSTLY_BURST=1000 BACKENDFORGE_COSTLY_PER_MINUTE=1000
"$BIN" serve --port 0 --data "$DATA" > "$DATA/stdout" 2> "$DATA/server.log" &
SPID=$!
for _ in $(seq 100); do grep -q "listening on" "$DATA/stdout" 2>/dev/null && break; sleep 0.1; done
URL=$(grep -o "http://[0-9.:]*" "$DATA/stdout")
echo "server: $URL (pid $SPID)"

json() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }
now_ms() { date +%s%3N; }
CREDS='"email":"bench@example.com","password":"correct horse battery"'
TOKEN=$(curl -sf -X POST "$URL/api/auth/login" -H 'Content-Type: application/json' -d "{$CREDS}" 2>/dev/null |
  json '["accessToken"]' 2>/dev/null ||
  curl -sf -X POST "$URL/api/auth/register" -H 'Content-Type: application/json' -d "{$CREDS,\"name\":\"Bench\"}" |
  json '["accessToken"]')
AUTH=(-H "Authorization: Bearer $TOKEN")
WS_ID=$(curl -sf "$URL/api/auth/me" "${AUTH[@]}" | json '["workspaces"][0]["id"]')
PID=$(curl -sf "$URL/api/workspaces/$WS_ID/projects" "${AUTH[@]}" |
  python3 -c "import json,sys; print(next((p['id'] for p in json.load(sys.stdin)['data'] if p['status'] != 'draft'), ''))")
if [ -z "$PID" ]; then
  PID=$(curl -sf -X POST "$URL/api/workspaces/$WS_ID/projects" "${AUTH[@]}" -H 'Content-Type: application/json' \
    -d '{"name":"Preview bench","description":"A blog with posts, comments and tags"}' | json '["id"]')
  curl -sf -X PUT "$URL/api/projects/$PID/spec" "${AUTH[@]}" -H 'Content-Type: application/json' \
    --data-binary @"$SPEC" > /dev/null
fi
STATUS=$(curl -sf "$URL/api/projects/$PID" "${AUTH[@]}" | json '["status"]')
echo "project $PID ($STATUS)"

if [ "$STATUS" != generated ] && [ "$STATUS" != tested ]; then
  t0=$(now_ms)
  JOB=$(curl -sf -X POST "$URL/api/generate" "${AUTH[@]}" -H 'Content-Type: application/json' \
    -d "{\"projectId\":\"$PID\",\"stack\":\"node-express\",\"database\":\"sqlite\"}" | json '["jobId"]')
  while :; do
    STATUS=$(curl -sf "$URL/api/jobs/$JOB" "${AUTH[@]}" | json '["status"]')
    case "$STATUS" in queued|running) sleep 1 ;; *) break ;; esac
  done
  echo "generation: $STATUS in $(( ($(now_ms) - t0) / 1000 )) s"
  if [ "$STATUS" != succeeded ]; then
    curl -s "$URL/api/jobs/$JOB" "${AUTH[@]}" |
      python3 -c "import json,sys; j=json.load(sys.stdin); print(j.get('message')); print(j.get('log','')[-2000:])"
    exit 1
  fi
fi

t0=$(now_ms)
node -e 0
echo "context: load average $(cut -d' ' -f1-3 /proc/loadavg); node -e 0 took $(( $(now_ms) - t0 )) ms"
TIMES=()
for i in $(seq "$RUNS"); do
  t0=$(now_ms)
  curl -sf -X POST "$URL/api/preview" "${AUTH[@]}" -H 'Content-Type: application/json' \
    -d "{\"projectId\":\"$PID\"}" > /dev/null
  while :; do
    STATE=$(curl -sf "$URL/api/preview/$PID" "${AUTH[@]}" | json '["state"]')
    case "$STATE" in healthy) break ;; starting) sleep 0.02 ;;
      *) echo "preview $STATE:" >&2; curl -s "$URL/api/preview/$PID" "${AUTH[@]}" >&2; exit 1 ;; esac
  done
  ms=$(( $(now_ms) - t0 ))
  TIMES+=("$ms")
  printf 'start %d: %5d ms to healthy\n' "$i" "$ms"
  if [ "$i" = "$RUNS" ]; then
    printf 'GET /preview/%s/health through the proxy: ' "$PID"
    curl -s -w ' (HTTP %{http_code}, %{time_total} s)\n' "$URL/preview/$PID/health" "${AUTH[@]}"
  fi
  curl -sf -X DELETE "$URL/api/preview/$PID" "${AUTH[@]}" > /dev/null
  # The DELETE returns once the stop is requested; wait until the process is gone.
  while [ "$(curl -sf "$URL/api/preview/$PID" "${AUTH[@]}" | json '["state"]')" != stopped ]; do sleep 0.05; done
done
echo "context: load average $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%s\n' "${TIMES[@]}" | sort -n | awk '{a[NR]=$1} END {printf "median of %d: %d ms (min %d, max %d); target < 2000 ms\n", NR, a[int((NR+1)/2)], a[1], a[NR]}'
