#!/usr/bin/env bash
# Runs `backendforge verify` against a running backend: the conformance suite of its spec.
#
#   scripts/verify_app.sh URL SPEC [extra verify options...]
#
# Waits up to $VERIFY_WAIT seconds (default 30) for URL/health to answer, then runs the suite.
# Admin-only checks run when ADMIN_EMAIL and ADMIN_PASSWORD are set (the same variables the
# backend reads at start); otherwise they are reported as SKIPPED.
# $VERIFY_REPORT=path also writes the JSON report there. $BF overrides the binary.
# Exit status: 0 every check that ran passed, 1 some failed, 2 usage error or unreachable backend.
set -euo pipefail
if [ $# -lt 2 ]; then
  echo "usage: $0 URL SPEC [verify options...]" >&2
  exit 2
fi
url=${1%/}
spec=$2
shift 2
cd "$(dirname "$0")/.."
BF=${BF:-./build/backendforge}
if [ ! -x "$BF" ]; then
  echo "verify_app: $BF not found; build first (make build)" >&2
  exit 2
fi
wait_s=${VERIFY_WAIT:-30}
for ((i = 0; i < wait_s * 10; i++)); do
  if curl -sf -o /dev/null --max-time 2 "$url/health"; then break; fi
  sleep 0.1
done
if [ -n "${VERIFY_REPORT:-}" ]; then
  status=0
  "$BF" verify --url "$url" --spec "$spec" --json "$@" > "$VERIFY_REPORT" || status=$?
  if [ "$status" -eq 2 ]; then exit 2; fi
  python3 - "$VERIFY_REPORT" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
for c in r["checks"]:
    if c["verdict"] != "PASS":
        print(c["verdict"], c["name"], "-", c.get("message", "").splitlines()[0] if c.get("message") else "")
s = r["summary"]
print(f'{s["passed"]} passed, {s["failed"]} failed' + (f', {s["skipped"]} skipped' if s["skipped"] else ""))
PY
  exit "$status"
fi
exec "$BF" verify --url "$url" --spec "$spec" "$@"
