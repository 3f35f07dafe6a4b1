#!/usr/bin/env python3
"""Writes testdata/analyze/guard_train/from_eval.json: the descriptions of the tuning evaluation sets
as training examples for the learned refusal and clarify models (refuse cases with their harm
category, clarify cases as "clarify", plan cases as "legit"). The sets in testdata/analyze/measure/ other than adversarial_e are never
used: they measure the model.
    scripts/guard_from_eval.py [SHARED_EVAL_DIR]
"""
import json
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
SHARED = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "eval"

# Harm category of each refuse case (the sets name a domain, not a category).
CATEGORY = {
    "a01": "malware", "a02": "data_harvesting", "fa13": "fraud", "fb13": "fraud", "fc13": "manipulation",
    "fd13": "surveillance", "t11": "surveillance", "t12": "phishing", "o14": "data_harvesting",
    "h17": "data_harvesting", "ae01": "surveillance", "ae02": "phishing", "ae03": "fraud", "ae04": "fraud",
    "ae05": "extortion", "ae06": "malware", "ae07": "surveillance", "ae08": "manipulation",
    "ae09": "illegal_goods", "ae10": "fraud", "ae11": "harassment", "ae12": "cheating",
}

files = [SHARED / "dev_cases.json"] + sorted((ROOT / "testdata/analyze").glob("*.json"))
files.append(ROOT / "testdata/analyze/measure/adversarial_e.json")
out = []
for f in files:
    for case in json.loads(f.read_text()):
        prefix = case["id"].split("-")[0]
        if case["expected_behavior"] == "refuse":
            label = CATEGORY[prefix]  # a KeyError names a new refuse case that needs a category here
        elif case["expected_behavior"] == "clarify":
            label = "clarify"
        else:
            label = "legit"
        out.append({"id": "ev-" + case["id"], "label": label, "text": case["description"]})
dest = ROOT / "testdata/analyze/guard_train/from_eval.json"
dest.write_text(json.dumps(out, indent=1, ensure_ascii=False) + "\n")
print(f"wrote {dest.relative_to(ROOT)}: {len(out)} examples, "
      f"{sum(e['label'] != 'legit' for e in out)} harmful")
