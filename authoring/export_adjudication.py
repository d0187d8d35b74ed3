"""List pass-1 / pass-2 disagreements for adjudication, each with its whole document.
Writes /work/adjudicate/<batch>.md for the given doc ids (or every disagreement)."""
import json, sys
from pathlib import Path
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT)); sys.path.insert(0, str(ROOT / "authoring"))
from assemble import load_pass2

def docs():
    out = {}
    for f in sorted((ROOT / "authoring/pass1").glob("d*.jsonl")):
        out[f.stem] = [json.loads(l) for l in f.read_text().splitlines() if l.strip()]
    return out

def main(batch, doc_filter):
    p2 = load_pass2()
    out = []
    n = 0
    for doc, rows in docs().items():
        if doc_filter and doc not in doc_filter:
            continue
        dis = [r for r in rows if f"{doc}-{r['position']:02d}" in p2 and p2[f"{doc}-{r['position']:02d}"][1] != r["label"]]
        if not dis:
            continue
        out.append(f"## Document {doc} (topic: {rows[0]['topic']}; register: {rows[0]['genre']})\n")
        out += [f"[{r['position']}] {r['text']}" for r in rows]
        out.append("")
        for r in dis:
            rid = f"{doc}-{r['position']:02d}"
            n += 1
            out.append(f"### Item {rid} (sentence [{r['position']}])")
            out.append(f"- A (author): {r['label']}; source {json.dumps(r['source'])}; cue {json.dumps(r['cue'])}; tags {json.dumps(r['phenomena'])}")
            out.append(f"- B (blind annotator): {p2[rid][1]}")
            out.append("")
    Path("/work/adjudicate").mkdir(exist_ok=True)
    Path(f"/work/adjudicate/{batch}.md").write_text("\n".join(out) + "\n")
    print(batch, n, "items")

if __name__ == "__main__":
    main(sys.argv[1], set(sys.argv[2:]))
