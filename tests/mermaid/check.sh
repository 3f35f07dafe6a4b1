#!/usr/bin/env bash
# Mermaid check: every diagram the planner draws must parse with the real mermaid 11 parser.
#
#   tests/mermaid/check.sh [--spec FILE]...
#
# Dumps the diagrams of the plans of testdata/specs/*.json, of every gold model of the
# analyzer's dev set (shared/eval/dev_cases.json, when found) and of any --spec FILE given,
# then parses each one with node check_diagrams.mjs. Installs the pinned checker with `npm ci`
# when node_modules is missing. Exit status: 0 all parse, 1 a diagram failed (it is printed
# with its error), other values for setup problems.
#
# Environment: PLAN_DIAGRAMS (the tool; default build/src/plan/plan_diagrams),
# BF_DEV_CASES (the dev set; "none" skips it), KEEP_DIAGRAMS=FILE keeps the dumped JSON.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
tool="${PLAN_DIAGRAMS:-$root/build/src/plan/plan_diagrams}"

if [[ ! -x "$tool" ]]; then
  echo "mermaid-check: $tool not found; build it first: ninja -C build plan_diagrams" >&2
  exit 3
fi
command -v node >/dev/null || { echo "mermaid-check: node is not installed" >&2; exit 3; }

if [[ ! -d "$here/node_modules/mermaid" || ! -d "$here/node_modules/jsdom" ]]; then
  echo "mermaid-check: installing the checker (npm ci)" >&2
  (cd "$here" && npm ci --no-audit --no-fund --loglevel=error) >&2
fi

dev_cases="${BF_DEV_CASES:-}"
if [[ -z "$dev_cases" ]]; then
  for candidate in "$root/../shared/eval/dev_cases.json" "$root/shared/eval/dev_cases.json" \
                   "/work/shared/eval/dev_cases.json"; do
    if [[ -f "$candidate" ]]; then dev_cases="$candidate"; break; fi
  done
fi
args=(--specs-dir "$root/testdata/specs")
if [[ -n "$dev_cases" && "$dev_cases" != "none" ]]; then
  args+=(--dev-cases "$dev_cases")
else
  echo "mermaid-check: dev set not found (set BF_DEV_CASES); checking testdata/specs only" >&2
fi

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
"$tool" "${args[@]}" "$@" --out "$tmp/diagrams.json"
if [[ -n "${KEEP_DIAGRAMS:-}" ]]; then cp "$tmp/diagrams.json" "$KEEP_DIAGRAMS"; fi
node "$here/check_diagrams.mjs" "$tmp/diagrams.json"
