#!/usr/bin/env python3
"""The third, independent annotation pass over the test split as a predictions file, which
`gainsay benchmark` scores against the gold as the leaderboard's annotators row.

Reads authoring/pass3/<annotator>/<doc>.tsv (sentence number, tab, label) and writes
eval/test/annotators-pass3/predictions.jsonl in test-file order. The third-pass annotators
took no part in writing, the first two passes or adjudication.

Usage: python3 authoring/build_third_pass.py
"""
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    labels = {}
    for tsv in sorted((ROOT / "authoring/pass3").glob("*/*.tsv")):
        for line in tsv.read_text(encoding="utf-8").splitlines():
            if line.strip():
                pos, label = line.split("\t")[:2]
                labels[f"{tsv.stem}-{int(pos):02d}"] = label.strip()
    test = [json.loads(l)["id"] for l in (ROOT / "data/test.jsonl").read_text(encoding="utf-8").splitlines()]
    rows = [{"id": i, "label": labels[i]} for i in test if i in labels]
    out = ROOT / "eval/test/annotators-pass3/predictions.jsonl"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    print(f"{out}: {len(rows)} of {len(test)} test items")


if __name__ == "__main__":
    main()
