#!/usr/bin/env python3
"""Writes the classifiers' training texts derived from our own measured sets already read
(tests/safety/data/measured/, never a holdout, never a set whose first run is still to be recorded): one text
per row, the user's words joined for a conversation, label 1 for the writer's own risk.

- tests/safety/data/classifier/train_suite.jsonl: the suite-style and Haven-conversation tune sets, for the
  ideation classifier.
- tests/safety/data/behaviour_classifier/train_behaviour_sets.jsonl: the behaviour tune sets, for the
  behaviour classifier (label 1 for the writer's own act).
- tests/safety/data/context_reader/train_conversation_turns.jsonl: each user turn of the conversations in
  which the writer is not at risk (negatives and hard negatives), on its own, label 0, for the context
  reader: the assessor reads a conversation one message at a time, and a short everyday reply ("the kettle
  obviously. if i ever find it") is what that reader must learn to leave alone. Turns of conversations
  with a disclosure are left out (which turn discloses is not labelled).

Run from the repository root, then retrain the classifiers (docs/safety-evaluation.md)."""
import json
import pathlib

MEASURED = pathlib.Path("tests/safety/data/measured")
OUTPUTS = [
    ("tests/safety/data/classifier/train_suite.jsonl", "tsu-", False,
     ["suite_tune.jsonl", "suite_tune_b.jsonl", "suite_tune_c.jsonl", "suite_tune_d.jsonl",
      "conversations_tune_b.jsonl", "conversations_tune_c.jsonl"]),
    ("tests/safety/data/behaviour_classifier/train_behaviour_sets.jsonl", "tbe-", True,
     ["behaviour_tune.jsonl", "behaviour_tune_b.jsonl", "behaviour_tune_c.jsonl", "behaviour_tune_d.jsonl",
      "behaviour_tune_e.jsonl", "behaviour_tune_f.jsonl", "behaviour_tune_g.jsonl", "behaviour_tune_h.jsonl",
      "behaviour_tune_i.jsonl"]),
]

TURN_SOURCES = ["suite_tune.jsonl", "suite_tune_b.jsonl", "suite_tune_c.jsonl", "suite_tune_d.jsonl",
                "conversations_tune_b.jsonl", "conversations_tune_c.jsonl", "conversations_tune_d.jsonl",
                "conversations_tune_e.jsonl", "conversations_tune_f.jsonl"]

for out_name, prefix, kind_with_role, sources in OUTPUTS:
    rows = []
    for name in sources:
        for line in (MEASURED / name).read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            r = json.loads(line)
            if "text" in r:
                text = r["text"]
            else:
                text = "\n".join(m["content"] for m in r["messages"] if m["role"] == "user")
            kind = r["source"].split("/")[-1]
            rows.append({"id": prefix + r["id"], "label": 1 if r["role"] == "positive" else 0,
                         "kind": r["role"] + "/" + kind if kind_with_role else kind, "text": text})
    out = pathlib.Path(out_name)
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"wrote {out}: {len(rows)} texts, {sum(r['label'] for r in rows)} positive")

turns = []
seen = set()
for name in TURN_SOURCES:
    for line in (MEASURED / name).read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        r = json.loads(line)
        if r["role"] == "positive" or "messages" not in r:
            continue
        k = 0
        for m in r["messages"]:
            if m["role"] != "user" or m["content"] in seen:
                continue
            seen.add(m["content"])
            k += 1
            turns.append({"id": "tct-" + r["id"] + "-" + str(k), "label": 0,
                          "kind": r["role"] + "/" + r["source"].split("/")[-1], "text": m["content"]})
out = pathlib.Path("tests/safety/data/context_reader/train_conversation_turns.jsonl")
out.parent.mkdir(parents=True, exist_ok=True)
with out.open("w", encoding="utf-8") as f:
    for r in turns:
        f.write(json.dumps(r, ensure_ascii=False) + "\n")
print(f"wrote {out}: {len(turns)} texts, 0 positive")
