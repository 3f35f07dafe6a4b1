#!/usr/bin/env python3
"""Scores the analyzer's extraction rules one by one against the gold of evaluation sets.

Runs `analyze_eval --trace` over each case file, then prints, per rule line (trace.h):
  - relations: how many of the relations that line drew join two gold records that the gold
    relates with that kind (one-to-many / many-to-many / one-to-one);
  - records: how many of the records whose evidence came mostly from that line are gold records.
Wrong relations are split into: a wrong kind (the gold relates the two records otherwise), unrelated
(both are gold records, the gold does not relate them) and not gold (an end is no gold record).
  - candidates turned down: per filter line of the extractor, how many of the candidates it turned
    down (or folded into another record) are gold records no predicted record stands for.
A rule whose figure is well below the analyzer's overall precision is a candidate to narrow or
drop (then measure every read set: a record it creates may still be right when its relation is not).

Only pass sets you have read: the sealed sets must not steer rules.
  scripts/rule_audit.py [--min N] [--show ORIGIN] CASES.json...
Builds nothing: run `ninja -C build` first.
"""
import argparse
import collections
import json
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
for cand in (os.path.join(ROOT, "..", "shared", "eval"), "/work/shared/eval"):
    if os.path.exists(os.path.join(cand, "score.py")):
        sys.path.insert(0, cand)
        break
import score as S  # noqa: E402  (the reference scorer: entity matching as it scores)

BIN = os.path.join(ROOT, "build", "src", "analyze", "analyze_eval")


def rule_of(origin):
    """'relate.cc:1573<relate.cc:1459|b_has_a| belongs to' -> 'relate.cc:1573<relate.cc:1459|b_has_a'."""
    return re.sub(r"^([^|]*\|[^|]*)\|.*$", r"\1", origin)


def dominant(origin):
    """The rule line that gave a record most of its evidence."""
    if "=" not in origin:
        return origin
    parts = [p.rsplit("=", 1) for p in origin.split(";") if "=" in p]
    best = max(parts, key=lambda p: float(p[1]))[0]
    return rule_of(best)


def gold_kinds(gold, a, b):
    kinds = set()
    for r in gold["relations"]:
        if {r["from"], r["to"]} == {a, b}:
            kinds.add(r["kind"])
            kinds |= set(r.get("accept_kinds", []))
    return kinds


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("cases", nargs="+")
    ap.add_argument("--min", type=int, default=5, help="print rules with at least this many outcomes")
    ap.add_argument("--show", default="", help="list the outcomes of the rules whose origin starts with this")
    args = ap.parse_args()
    if not os.access(BIN, os.X_OK):
        sys.exit("rule_audit: %s not built (run: ninja -C build)" % BIN)
    rel = collections.defaultdict(lambda: [0, 0])
    why = collections.defaultdict(collections.Counter)  # rule -> wrong kind / unrelated / not gold
    rec = collections.defaultdict(lambda: [0, 0])
    rej = collections.defaultdict(lambda: [0, 0])  # rule -> [gold records it cost, candidates it turned down]
    shown = []
    with tempfile.TemporaryDirectory() as tmp:
        for path in args.cases:
            pred_path, trace_path = os.path.join(tmp, "p.json"), os.path.join(tmp, "t.jsonl")
            subprocess.run([BIN, path, pred_path, "--trace", trace_path], check=True, stdout=subprocess.DEVNULL)
            cases = {c["id"]: c for c in json.load(open(path))}
            for line in open(trace_path):
                t = json.loads(line)
                case = cases[t["id"]]
                gold = case.get("gold")
                if not gold or not t["records"]:
                    continue
                ents = gold["entities"]
                for r in t["relations"]:
                    ga, gb = S.match_entity(r["from"], ents), S.match_entity(r["to"], ents)
                    same = ga == gb and r["from"] != r["to"]  # two records of one gold record
                    ok = bool(ga and gb and not same and r["kind"] in gold_kinds(gold, ga, gb))
                    key = rule_of(r["origin"])
                    if not ok:
                        if not (ga and gb) or same:
                            why[key]["not gold"] += 1
                        elif gold_kinds(gold, ga, gb):
                            why[key]["wrong kind"] += 1
                        else:
                            why[key]["unrelated"] += 1
                    rel[key][0] += ok
                    rel[key][1] += 1
                    if args.show and r["origin"].startswith(args.show):
                        shown.append("relation %s  %s %s-%s (%s-%s)" % ("ok " if ok else "bad", t["id"], r["from"], r["to"], ga, gb))
                predicted = {S.match_entity(r["name"], ents) for r in t["records"]}
                for r in t.get("rejected", []):
                    g = S.match_entity(r["name"], ents)
                    lost = bool(g and g not in predicted)
                    line_of = r["rule"].split(" ")[0]  # "extract.cc:781 score=2.2 plural=1 ..."
                    rej[line_of][0] += lost
                    rej[line_of][1] += 1
                    if args.show and r["rule"].startswith(args.show):
                        shown.append("rejected %s  %s %s (%s) %s" % ("LOST" if lost else "ok  ", t["id"], r["name"], g,
                                                                   r["rule"][len(line_of) + 1:]))
                for r in t["records"]:
                    if r["name"] == "User":
                        continue
                    ok = bool(S.match_entity(r["name"], ents))
                    key = dominant(r["origin"])
                    rec[key][0] += ok
                    rec[key][1] += 1
                    if args.show and key.startswith(args.show):
                        shown.append("record   %s  %s %s" % ("ok " if ok else "bad", t["id"], r["name"]))
    for title, table in (("relations by the rule that drew them", rel), ("records by their main evidence", rec)):
        right = sum(v[0] for v in table.values())
        total = sum(v[1] for v in table.values())
        print("%s: %d of %d right (%.2f)" % (title, right, total, right / max(1, total)))
        for key, (ok, n) in sorted(table.items(), key=lambda kv: (kv[1][0] / kv[1][1], -kv[1][1])):
            if n >= args.min:
                wrong = ", ".join("%d %s" % (c, w) for w, c in sorted(why[key].items())) if table is rel else ""
                print("  %5.2f  %4d/%-4d  %s%s" % (ok / n, ok, n, key, "  (" + wrong + ")" if wrong else ""))
    print("candidates turned down, by the rule that did it: gold records lost / candidates")
    for key, (lost, n) in sorted(rej.items(), key=lambda kv: (-kv[1][0] / kv[1][1], -kv[1][1])):
        if n >= args.min:
            print("  %5.2f  %4d/%-4d  %s" % (lost / n, lost, n, key))
    for s in shown:
        print(s)


if __name__ == "__main__":
    main()
