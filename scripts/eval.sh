#!/usr/bin/env bash
# Runs the offline analyzer over an evaluation cases file and scores it with the reference
# scorer. Builds nothing: run `ninja -C build` first.
#   scripts/eval.sh [CASES.json] [--per-case]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
CASES="${1:-$ROOT/../shared/eval/dev_cases.json}"
[ -f "$CASES" ] || CASES="/work/shared/eval/dev_cases.json"
shift || true
EVAL_DIR="$(cd "$(dirname "$CASES")" && pwd)"
SCORER="$EVAL_DIR/score.py"
[ -f "$SCORER" ] || SCORER="$ROOT/../shared/eval/score.py"
[ -f "$SCORER" ] || SCORER="/work/shared/eval/score.py"
BIN="$ROOT/build/src/analyze/analyze_eval"
[ -x "$BIN" ] || { echo "eval.sh: $BIN not built (run: ninja -C build)" >&2; exit 1; }
mkdir -p "$ROOT/out"
OUT="$ROOT/out/predictions.json"
"$BIN" "$CASES" "$OUT"
python3 "$SCORER" "$CASES" "$OUT" "$@"
