#!/usr/bin/env python3
"""List the author / blind-pass disagreements of natural documents for an adjudicator, each
item with its whole document (metadata lines included, unnumbered).

Usage: python3 authoring/export_adjudication_natural.py OUT.md DOC_ID [DOC_ID ...]
Also copies GUIDELINES.md beside OUT.md.
"""
import json
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "authoring"))
from assemble import load_pass2  # noqa: E402


def main(out: Path, docs: list[str]) -> None:
    p2 = load_pass2()
    lines, n = [], 0
    for doc in docs:
        rows = [json.loads(l) for l in (ROOT / "authoring/natural" / f"{doc}.jsonl").read_text(encoding="utf-8").splitlines() if l.strip()]
        labelled = [r for r in rows if r["label"] != "meta"]
        dis = [r for r in labelled if p2.get(f"{doc}-{r['position']:02d}", (None, r["label"]))[1] != r["label"]]
        if not dis:
            continue
        lines.append(f"## Document {doc} (topic: {labelled[0]['topic']}; register: {labelled[0]['genre']})\n")
        lines += [f"      {r['text']}" if r["label"] == "meta" else f"[{r['position']}] {r['text']}" for r in rows]
        lines.append("")
        for r in dis:
            rid = f"{doc}-{r['position']:02d}"
            n += 1
            lines.append(f"### Item {rid} (sentence [{r['position']}])")
            lines.append(f"- A (author): {r['label']}; source {json.dumps(r['source'])}; cue {json.dumps(r['cue'])}; "
                         f"tags {json.dumps(r['phenomena'])}")
            lines.append(f"- B (blind annotator): {p2[rid][1]}")
            lines.append("")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    shutil.copy(ROOT / "GUIDELINES.md", out.parent / "GUIDELINES.md")
    print(f"{out}: {n} items")


if __name__ == "__main__":
    main(Path(sys.argv[1]), sys.argv[2:])
