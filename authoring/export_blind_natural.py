#!/usr/bin/env python3
"""Write natural-portion documents for a blind annotator: OUT/docs/<doc>.txt with numbered
sentences and unnumbered document-metadata lines, and no label, span or tag.

Usage: python3 authoring/export_blind_natural.py OUT_DIR DOC_ID [DOC_ID ...]
Also copies GUIDELINES.md into OUT_DIR, so the annotator needs nothing else.
"""
import json
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def export(out: Path, doc: str) -> int:
    rows = [json.loads(l) for l in (ROOT / "authoring/natural" / f"{doc}.jsonl").read_text(encoding="utf-8").splitlines() if l.strip()]
    labelled = [r for r in rows if r["label"] != "meta"]
    lines = [f"document {doc} (topic: {labelled[0]['topic']}; register: {labelled[0]['genre']})"]
    for r in rows:
        lines.append(f"      {r['text']}" if r["label"] == "meta" else f"[{r['position']}] {r['text']}")
    (out / "docs").mkdir(parents=True, exist_ok=True)
    (out / "docs" / f"{doc}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(labelled)


if __name__ == "__main__":
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "GUIDELINES.md", out / "GUIDELINES.md")
    n = sum(export(out, d) for d in sys.argv[2:])
    print(f"{len(sys.argv) - 2} documents, {n} sentences -> {out / 'docs'}")
