#!/usr/bin/env python3
"""Writes tests/safety/data/behaviour_classifier/train_behaviour_sets.jsonl from our own behaviour sets
already read (tests/safety/data/measured/behaviour_tune*.jsonl; never the holdout, never a set whose first
run is still to be recorded): one text per row, label 1 for the writer's own act, 0 for the hard negatives.
Run from the repository root, then retrain the behaviour classifier (docs/safety-evaluation.md)."""
import json
import pathlib

MEASURED = pathlib.Path("tests/safety/data/measured")
SOURCES = ["behaviour_tune.jsonl", "behaviour_tune_b.jsonl", "behaviour_tune_c.jsonl", "behaviour_tune_d.jsonl",
           "behaviour_tune_e.jsonl", "behaviour_tune_f.jsonl", "behaviour_tune_g.jsonl"]

rows = []
for name in SOURCES:
    for line in (MEASURED / name).read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        r = json.loads(line)
        if "text" in r:
            text = r["text"]
        else:
            text = "\n".join(m["content"] for m in r["messages"] if m["role"] == "user")
        rows.append({"id": "tbe-" + r["id"], "label": 1 if r["role"] == "positive" else 0,
                     "kind": r["role"] + "/" + r["source"].split("/")[-1], "text": text})

out = pathlib.Path("tests/safety/data/behaviour_classifier/train_behaviour_sets.jsonl")
out.parent.mkdir(parents=True, exist_ok=True)
with out.open("w", encoding="utf-8") as f:
    for r in rows:
        f.write(json.dumps(r, ensure_ascii=False) + "\n")
print(f"wrote {out}: {len(rows)} texts, {sum(r['label'] for r in rows)} positive")
