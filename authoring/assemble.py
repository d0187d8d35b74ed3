"""Assemble data/*.jsonl from the seed, the authors' files (pass1/: the enriched portion;
natural/: the natural portion), the blind pass-2 labels and the adjudications.
Run from the project root: python authoring/assemble.py

A natural document enters the corpus only when every sentence has its blind pass-2 label and
every disagreement an adjudication; the others are listed as pending."""
import json, sys
from collections import defaultdict
from pathlib import Path
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT)); sys.path.insert(0, str(ROOT / "authoring"))
from gainsay.corpus.spans import find_span
from gainsay.corpus.splits import split_of
from gainsay.corpus.io import write_jsonl_atomic
from build_seed import seed_records

A = ROOT / "authoring"

def author_of(doc_id):
    if doc_id.startswith("n"):  # natural portion: author k wrote n<k>01, n<k>02, ...
        return f"author{doc_id[1:-2]}"
    n = int(doc_id[1:])
    return f"author{(n - 1) // 52 + 1}"

def load_pass2():
    """{id: (annotator, label)} from authoring/pass2/<annotator>/<doc>.tsv"""
    out = {}
    for d in sorted((A / "pass2").glob("*/")):
        for f in sorted(d.glob("d*.tsv")) + sorted(d.glob("n*.tsv")) + sorted(d.glob("seed.tsv")):
            doc = f.stem
            for line in f.read_text().splitlines():
                if not line.strip():
                    continue
                pos, label = line.split("\t")[:2]
                out[f"{doc}-{int(pos):02d}"] = (d.name, label.strip())
    return out

def load_adjudication():
    """{id: decision} from authoring/adjudication/<adjudicator>.jsonl"""
    out = {}
    for f in sorted((A / "adjudication").glob("*.jsonl")):
        for line in f.read_text().splitlines():
            if line.strip():
                r = json.loads(line)
                r["annotator"] = f.stem
                out[r["id"]] = r
    return out

import re
WARN = []
def span(text, frag, nth):
    """Authors counted `nth` as plain substring occurrences; without nth, the first
    occurrence at word boundaries (so "he" is not found inside "the")."""
    if not frag:
        return None
    if nth:
        starts = [m.start() for m in re.finditer(re.escape(frag), text)]
        if len(starts) >= nth:
            st = starts[nth - 1]
            en = st + len(frag)
            ok_left = st == 0 or not (text[st - 1].isalnum() and frag[0].isalnum())
            ok_right = en == len(text) or not (text[en].isalnum() and frag[-1].isalnum())
            if ok_left and ok_right:
                return {"text": frag, "start": st, "end": en}
        WARN.append((frag, nth, text))
    s = find_span(text, frag, 1)
    if s is None:
        s = find_span(text, frag, 1) or ({"text": frag, "start": text.find(frag), "end": text.find(frag) + len(frag)} if frag in text else None)
    if s is None:
        raise SystemExit(f"span {frag!r} not in {text!r}")
    return s

def build_record(rid, doc, pos, text, label, src, cue, tags, anns, adj, extra):
    r = {"id": rid, "doc_id": doc, "position": pos, "text": text, "label": label,
         "source": src, "cue": cue, "phenomena": tags, "annotations": anns}
    if adj:
        r["adjudication"] = adj
    r.update(extra)
    return r

def main():
    p2, adjs = load_pass2(), load_adjudication()
    splits = defaultdict(list)
    seed = seed_records()
    for r in seed:
        if r["id"] in p2:
            r["annotations"].append({"annotator": p2[r["id"]][0], "label": p2[r["id"]][1]})
    for r in seed:
        apply_adjudication(r, adjs.get(r["id"]))
        splits["test"].append(r)
    for f in sorted((A / "pass1").glob("d*.jsonl")):
        rows = [json.loads(l) for l in f.read_text().splitlines() if l.strip()]
        for x in rows:
            doc, pos = x["doc_id"], x["position"]
            rid = f"{doc}-{pos:02d}"
            anns = [{"annotator": author_of(doc), "label": x["label"]}]
            if rid in p2:
                anns.append({"annotator": p2[rid][0], "label": p2[rid][1]})
            r = build_record(rid, doc, pos, x["text"], x["label"], span(x["text"], x["source"], x.get("source_nth")),
                             span(x["text"], x["cue"], x.get("cue_nth")), x["phenomena"], anns, None,
                             {"origin": "authored", "portion": "enriched", "topic": x["topic"], "genre": x["genre"]})
            apply_adjudication(r, adjs.get(rid))
            splits[split_of(doc)].append(r)
    pending = []
    for f in sorted((A / "natural").glob("n*.jsonl")):
        rows = [json.loads(l) for l in f.read_text().splitlines() if l.strip()]
        rows = [x for x in rows if x["label"] != "meta"]  # document metadata is never a record
        records = []
        for x in rows:
            doc, pos = x["doc_id"], x["position"]
            rid = f"{doc}-{pos:02d}"
            if rid not in p2:
                break
            anns = [{"annotator": author_of(doc), "label": x["label"]}, {"annotator": p2[rid][0], "label": p2[rid][1]}]
            if p2[rid][1] != x["label"] and rid not in adjs:
                break
            r = build_record(rid, doc, pos, x["text"], x["label"], span(x["text"], x["source"], x.get("source_nth")),
                             span(x["text"], x["cue"], x.get("cue_nth")), x["phenomena"], anns, None,
                             {"origin": "authored", "portion": "natural", "topic": x["topic"], "genre": x["genre"]})
            apply_adjudication(r, adjs.get(rid))
            records.append(r)
        if len(records) == len(rows):
            splits[split_of(f.stem)] += records
        else:
            pending.append(f.stem)
    for name in ("train", "validation", "test"):
        write_jsonl_atomic(ROOT / "data" / f"{name}.jsonl", sorted(splits[name], key=lambda r: (r["doc_id"] != "seed", r["doc_id"], r["position"])))
    ch = []
    blind_ch = {}
    for f in sorted((A / "pass2").glob("*/challenge.tsv")):  # id <tab> label
        for line in f.read_text().splitlines():
            if line.strip():
                rid, label = line.split("\t")[:2]
                blind_ch[rid] = (f.parent.name, label.strip())
    for f in sorted((A / "challenge").glob("g*.jsonl")):
        rows = [json.loads(l) for l in f.read_text().splitlines() if l.strip()]
        for i, x in enumerate(rows):
            gid = f"chal-{x['group']}"
            ch.append(build_record(f"{gid}-{i:02d}", gid, i, x["text"], x["label"], span(x["text"], x["source"], x.get("source_nth")),
                                   span(x["text"], x["cue"], x.get("cue_nth")), x["phenomena"],
                                   [{"annotator": "author7", "label": x["label"]}]
                                   + ([{"annotator": blind_ch[f"{gid}-{i:02d}"][0], "label": blind_ch[f"{gid}-{i:02d}"][1]}]
                                      if f"{gid}-{i:02d}" in blind_ch else []), None,
                                   {"origin": "authored", "portion": "challenge", "topic": x["topic"].strip().lower().replace(" ", "_"), "genre": "minimal_pair", "group": x["group"], "variant": x["variant"]}))
    if ch:
        write_jsonl_atomic(ROOT / "data" / "challenge.jsonl", ch)
    print({k: len(v) for k, v in splits.items()}, "challenge", len(ch), "span warnings", len(WARN))
    if pending:
        print(f"pending (no complete pass 2 or adjudication yet): {len(pending)} natural documents: {' '.join(pending)}")
    for w in WARN[:10]:
        print("  warn", w)

def apply_adjudication(r, adj):
    if not adj:
        return
    r["label"] = adj["label"]
    r["adjudication"] = {"annotator": adj["annotator"], "label": adj["label"], "reason": adj["reason"]}
    if "source" in adj:
        r["source"] = span(r["text"], adj["source"], adj.get("source_nth"))
    if "cue" in adj:
        r["cue"] = span(r["text"], adj["cue"], adj.get("cue_nth"))
    if adj["label"] == "claim":
        r["source"] = r["cue"] = None
    if "phenomena" in adj:
        r["phenomena"] = adj["phenomena"]

if __name__ == "__main__":
    main()
