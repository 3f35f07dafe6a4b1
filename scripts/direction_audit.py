#!/usr/bin/env python3
"""Share of predicted one-to-many relations that point the gold's way.

The reference scorer matches relations without their direction, so a relation drawn the wrong way
round (every customer belonging to one order) costs nothing there but gives a wrong schema. This
counts, over the one-to-many relations whose two ends are gold records the gold relates one-to-many,
how many have the gold's "one" side as `from`.

  scripts/direction_audit.py [--bin ANALYZE_EVAL] [--show] CASES.json...
Builds nothing: run `ninja -C build` first. Printing --show lists the wrong ones, so pass it only
for sets you have read.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
for cand in (os.path.join(ROOT, "..", "shared", "eval"), "/work/shared/eval"):
    if os.path.exists(os.path.join(cand, "score.py")):
        sys.path.insert(0, cand)
        break
try:
    import score as S  # noqa: E402  (the reference scorer: entity matching as it scores)
except ImportError:
    S = None


def audit(cases, preds, wrong_out):
    right = wrong = 0
    for c in cases:
        gold, pred = c.get("gold"), preds.get(c["id"]) or {}
        if not gold or pred.get("behavior", "plan") != "plan":
            continue
        for r in pred.get("relations", []):
            if S.norm_kind(r.get("kind", "")) != "one-to-many":
                continue
            a, b = S.match_entity(r["from"], gold["entities"]), S.match_entity(r["to"], gold["entities"])
            if not a or not b or a == b:
                continue
            ones = [g["from"] for g in gold["relations"]
                    if {g["from"], g["to"]} == {a, b} and S.norm_kind(g["kind"]) == "one-to-many"]
            if not ones:
                continue
            if a in ones:
                right += 1
            else:
                wrong += 1
                wrong_out.append("%s  %s -> %s (gold: %s is the one side)" % (c["id"], r["from"], r["to"], b))
    return right, wrong


def self_test():
    """A right and a wrong relation, a relation to a non-gold record, a many-to-many: 1 right, 1 wrong."""
    gold = {"entities": [{"name": "Customer"}, {"name": "Order"}, {"name": "Product"}],
            "relations": [{"from": "Customer", "to": "Order", "kind": "one-to-many"},
                          {"from": "Order", "to": "Product", "kind": "many-to-many"}]}
    cases = [{"id": "a", "gold": gold}, {"id": "b", "gold": gold}]
    preds = {"a": {"behavior": "plan", "relations": [{"from": "Customers", "to": "Order", "kind": "one-to-many"},
                                                     {"from": "Order", "to": "Product", "kind": "one-to-many"},
                                                     {"from": "Order", "to": "Coupon", "kind": "one-to-many"}]},
             "b": {"behavior": "plan", "relations": [{"from": "Order", "to": "Customer", "kind": "one-to-many"}]}}
    wrong = []
    got = audit(cases, preds, wrong)
    if got != (1, 1) or len(wrong) != 1 or not wrong[0].startswith("b "):
        sys.exit("direction_audit self-test failed: got %r, %r" % (got, wrong))
    print("direction_audit self-test passed")


def main():
    if "--self-test" in sys.argv:
        if S is None:
            print("direction_audit: the reference scorer score.py is not on this machine; skipped")
            sys.exit(77)
        self_test()
        return
    if S is None:
        sys.exit("direction_audit: the reference scorer score.py was not found (../shared/eval)")
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("cases", nargs="+")
    ap.add_argument("--bin", default=os.path.join(ROOT, "build", "src", "analyze", "analyze_eval"))
    ap.add_argument("--show", action="store_true", help="list the relations drawn the wrong way round")
    args = ap.parse_args()
    if not os.access(args.bin, os.X_OK):
        sys.exit("direction_audit: %s not built (run: ninja -C build)" % args.bin)
    total_right = total_wrong = 0
    wrong = []
    with tempfile.TemporaryDirectory() as tmp:
        for path in args.cases:
            out = os.path.join(tmp, "p.json")
            subprocess.run([args.bin, path, out], check=True, stdout=subprocess.DEVNULL)
            right, bad = audit(json.load(open(path)), json.load(open(out)), wrong)
            total_right += right
            total_wrong += bad
            share = right / (right + bad) if right + bad else 1.0
            print("%-40s %4d right %3d wrong  %.3f" % (os.path.basename(path), right, bad, share))
    n = total_right + total_wrong
    print("all: %d of %d one-to-many relations between gold records point the gold's way (%.3f)"
          % (total_right, n, total_right / n if n else 1.0))
    if args.show:
        print("\n".join(wrong))


if __name__ == "__main__":
    main()
