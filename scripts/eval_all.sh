#!/usr/bin/env bash
# One line of headline figures per evaluation file: the development set, every file in
# testdata/analyze/ and testdata/analyze/measure/. Builds nothing: run `ninja -C build` first.
#   scripts/eval_all.sh
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
DEV="$ROOT/../shared/eval/dev_cases.json"
[ -f "$DEV" ] || DEV="/work/shared/eval/dev_cases.json"
printf '%-28s %6s %6s %6s %6s %6s %8s %8s\n' set entity rel must feat behav refusal clarify
for f in "$DEV" "$ROOT"/testdata/analyze/*.json "$ROOT"/testdata/analyze/measure/*.json; do
  [ -f "$f" ] || continue
  "$ROOT/scripts/eval.sh" "$f" 2>/dev/null | python3 -c '
import json, sys
text = sys.stdin.read()
d = json.loads(text[text.index("{\n"):])
def f(k):
    v = d.get(k)
    return "-" if v is None else "%.2f" % v
print("%-28s %6s %6s %6s %6s %6s %8s %8s" % (sys.argv[1], f("entity_f1"), f("relation_f1"), f("must_have_recall"),
      f("feature_f1"), f("behavior_accuracy_all"), f("refusal_accuracy"), f("clarification_accuracy")))
' "$(basename "$f" .json)"
done
