#!/usr/bin/env python3
"""Write test-split documents for the third, independent pass (the leaderboard's human row):
OUT_DIR/docs/<doc>.txt, numbered sentences (natural documents with their unnumbered
metadata lines), no label, span or tag; GUIDELINES.md beside them.

Usage: python3 authoring/export_third_pass.py OUT_DIR [--portion natural|enriched] [DOC_ID ...]
"""
import json
import shutil
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "authoring"))
from export_blind_natural import export as export_natural  # noqa: E402


def main(out: Path, portion: str | None, only: set[str]) -> None:
    docs = defaultdict(list)
    for line in (ROOT / "data/test.jsonl").read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        if (portion is None or r.get("portion") == portion) and (not only or r["doc_id"] in only):
            docs[r["doc_id"]].append(r)
    out.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "GUIDELINES.md", out / "GUIDELINES.md")
    n = 0
    for doc, rows in sorted(docs.items()):
        if (ROOT / "authoring/natural" / f"{doc}.jsonl").exists():
            n += export_natural(out, doc)
            continue
        rows.sort(key=lambda r: r["position"])
        lines = [f"document {doc} (topic: {rows[0].get('topic')}; register: {rows[0].get('genre')})"]
        lines += [f"[{r['position']}] {r['text']}" for r in rows]
        (out / "docs").mkdir(exist_ok=True)
        (out / "docs" / f"{doc}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
        n += len(rows)
    print(f"{len(docs)} documents, {n} sentences -> {out / 'docs'}")


if __name__ == "__main__":
    args = sys.argv[1:]
    portion = None
    if "--portion" in args:
        i = args.index("--portion")
        portion = args[i + 1]
        del args[i:i + 2]
    main(Path(args[0]), portion, set(args[1:]))
