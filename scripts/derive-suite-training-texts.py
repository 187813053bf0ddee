#!/usr/bin/env python3
"""Writes tests/safety/data/classifier/train_suite.jsonl from our own suite-style and Haven-conversation
tune sets (tests/safety/data/measured/*tune*.jsonl, never the holdouts): one text per row, the user's
words joined for a conversation, label 1 for the writer's own risk. Run from the repository root, then
retrain the classifier (docs/safety-evaluation.md)."""
import json
import pathlib

MEASURED = pathlib.Path("tests/safety/data/measured")
SOURCES = ["suite_tune.jsonl", "suite_tune_b.jsonl", "suite_tune_c.jsonl", "suite_tune_d.jsonl",
           "conversations_tune_b.jsonl", "conversations_tune_c.jsonl"]

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
        rows.append({"id": "tsu-" + r["id"], "label": 1 if r["role"] == "positive" else 0,
                     "kind": r["source"].split("/")[-1], "text": text})

out = pathlib.Path("tests/safety/data/classifier/train_suite.jsonl")
with out.open("w", encoding="utf-8") as f:
    for r in rows:
        f.write(json.dumps(r, ensure_ascii=False) + "\n")
print(f"wrote {out}: {len(rows)} texts, {sum(r['label'] for r in rows)} positive")
