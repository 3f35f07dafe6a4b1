#!/usr/bin/env bash
# End-to-end tests of the web UI against the real server: starts `backendforge serve` on a free
# loopback port with a temporary data folder and the built UI, drives Debian's chromium through
# the flows (e2e/flow.mjs) at desktop and mobile sizes, then stops the server.
#   BF_BIN   server binary (default: ../build/backendforge)
#   E2E_UI   the built UI to serve (default: web/dist)
#   E2E_GENERATE=0  skip the generation step (it installs the generated app's packages)
#   E2E_LOG_LEVEL  the server's log level (default warn); the whole server log is kept as
#              e2e/screenshots/server.log
#   E2E_NETLOG=DIR  Chromium writes its network log of each browser to DIR (netlog-WxH.json;
#              opens in netlog-viewer) for chasing stalled requests
#   E2E_CACHE  package cache kept between runs (default ~/.cache/backendforge-e2e): each run's
#              data folder is new, so the flow seeds its workspace's package cache from here
#              before generating, and the run copies what the install added back afterwards
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
web="$(dirname "$here")"
repo="$(dirname "$web")"
bin="${BF_BIN:-$repo/build/backendforge}"

[[ -x "$bin" ]] || { echo "e2e: server binary not found at $bin (make build, or set BF_BIN)" >&2; exit 2; }
if ! "$bin" serve --help >/dev/null 2>&1; then
  echo "e2e: SKIPPED: $bin has no 'serve' command yet (the server is not in this build)"
  echo "0 passed, 0 failed, 1 skipped"
  exit 0
fi
ui="${E2E_UI:-$web/dist}"  # the built UI
[[ -f "$ui/index.html" ]] || { echo "e2e: $ui is not built (make web)" >&2; exit 2; }
[[ -x "${CHROMIUM:-/usr/bin/chromium}" ]] || { echo "e2e: chromium not found (apt-get install chromium)" >&2; exit 2; }
[[ -d "$web/node_modules/playwright-core" ]] || { echo "e2e: run npm ci in web/ first" >&2; exit 2; }

# Failure screenshots describe this run only (the tab screenshots are overwritten anyway).
rm -f "$here"/screenshots/FAILED-*.png
data="$(mktemp -d /tmp/bf-e2e-data.XXXXXX)"
cache="${E2E_CACHE:-${HOME:-/tmp}/.cache/backendforge-e2e}"
mkdir -p "$cache"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')"
log="$data/server.log"
"$bin" serve --host 127.0.0.1 --port "$port" --data "$data" --ui "$ui" --log-level "${E2E_LOG_LEVEL:-warn}" >"$log" 2>&1 &
pid=$!
cleanup() {
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  mkdir -p "$here/screenshots" && cp "$log" "$here/screenshots/server.log" 2>/dev/null || true
  # Keep the packages the generated app's install fetched (and its prebuilt native modules).
  for ws in "$data"/cache/*/; do [[ -d "$ws" ]] && cp -a "$ws". "$cache"/ 2>/dev/null || true; done
  rm -rf "$data"
}
trap cleanup EXIT

for _ in $(seq 1 100); do
  curl -fsS "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break
  kill -0 "$pid" 2>/dev/null || { echo "e2e: the server exited:" >&2; cat "$log" >&2; exit 1; }
  sleep 0.1
done

url="http://127.0.0.1:$port"
echo "e2e: server $bin on $url (data $data)"
status=0
E2E_DATA="$data" E2E_CACHE="$cache" node "$here/flow.mjs" "$url" || status=$?
if [[ $status -ne 0 ]]; then
  echo "e2e: server log (last 40 lines):" >&2
  tail -40 "$log" >&2
fi
exit $status
