#!/usr/bin/env bash
# Compares two analyzer builds on the read evaluation sets: for every file whose predictions differ,
# the headline figures of both (entity F1 / relation F1 / must-have recall / behaviour) and, per
# changed case, the entities and relations added or removed. Sealed measurement sets (the files the
# measure README lists as not read: heldout_fresh_q, r, s, u, v, w, x, y, z, aa, ab and short_eval_c, d, e, f)
# are skipped, so a rule can be kept or dropped without reading them.
#   scripts/compare_analyzers.sh BASE_ANALYZE_EVAL [NEW_ANALYZE_EVAL]
# BASE is an analyze_eval built from another commit (for example in a `git worktree`); NEW defaults to
# build/src/analyze/analyze_eval. Builds nothing.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BASE="${1:?usage: scripts/compare_analyzers.sh BASE_ANALYZE_EVAL [NEW_ANALYZE_EVAL]}"
NEW="${2:-$ROOT/build/src/analyze/analyze_eval}"
DEV="$ROOT/../shared/eval/dev_cases.json"
[ -f "$DEV" ] || DEV="/work/shared/eval/dev_cases.json"
SCORER="$(dirname "$DEV")/score.py"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
for f in "$DEV" "$ROOT"/testdata/analyze/*.json "$ROOT"/testdata/analyze/measure/*.json; do
  [ -f "$f" ] || continue
  case "$(basename "$f")" in
    heldout_fresh_[qrsuvwxyz].json | heldout_fresh_aa.json | heldout_fresh_ab.json | short_eval_[c-f].json) continue ;;
  esac
  "$BASE" "$f" "$TMP/base.json" >/dev/null 2>&1
  "$NEW" "$f" "$TMP/new.json" >/dev/null 2>&1
  cmp -s "$TMP/base.json" "$TMP/new.json" && continue
  python3 - "$f" "$TMP/base.json" "$TMP/new.json" "$SCORER" <<'PY'
import json, os, subprocess, sys
cases, base, new, scorer = sys.argv[1:5]
def figures(pred):
    out = subprocess.run([sys.executable, scorer, cases, pred], capture_output=True, text=True).stdout
    d = json.loads(out[out.index("{\n"):])
    return "%.3f / %.3f / %.3f, %.2f" % (d["entity_f1"], d["relation_f1"], d["must_have_recall"],
                                         d["behavior_accuracy_all"])
print("== %s  %s -> %s" % (os.path.basename(cases), figures(base), figures(new)))
A, B = json.load(open(base)), json.load(open(new))
for k in A:
    a, b = A[k], B.get(k, {})
    if a == b:
        continue
    ea = {e["name"] for e in a.get("entities", [])}
    eb = {e["name"] for e in b.get("entities", [])}
    ra = {(r["from"], r["to"], r["kind"]) for r in a.get("relations", [])}
    rb = {(r["from"], r["to"], r["kind"]) for r in b.get("relations", [])}
    msg = []
    if a.get("behavior") != b.get("behavior"):
        msg.append("behaviour %s -> %s" % (a.get("behavior"), b.get("behavior")))
    if ea != eb:
        msg.append("+E%s -E%s" % (sorted(eb - ea), sorted(ea - eb)))
    if ra != rb:
        msg.append("+R%s -R%s" % (sorted(rb - ra), sorted(ra - rb)))
    print("   %-40s %s" % (k[:40], " ".join(msg) if msg else "fields only"))
PY
done
