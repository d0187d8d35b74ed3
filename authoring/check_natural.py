#!/usr/bin/env python3
"""Check natural-portion documents as their authors write them (corpus v2).

Usage: python3 authoring/check_natural.py authoring/natural/n101.jsonl [...]

One JSON object per line, in reading order. A labelled line:
  {"doc_id", "position", "text", "label", "source", "cue", "phenomena", "topic", "genre"}
  (+ optional "source_nth" / "cue_nth"); positions count labelled lines only: 0, 1, 2, ...
A document-metadata line (byline, timestamp, standalone dateline, "Follow us", crosstalk):
  {"doc_id", "text", "label": "meta"}; it is never a record.
Tags, genres and labels come from schema/record.schema.json (the one definition).
"""
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = json.loads((ROOT / "schema" / "record.schema.json").read_text(encoding="utf-8"))
LABELS = set(SCHEMA["$defs"]["label"]["enum"])
TAGS = set(SCHEMA["$defs"]["phenomenon"]["enum"])
GENRES = set(SCHEMA["$defs"]["genre"]["enum"]) - {"minimal_pair"}
KEYS = {"doc_id", "position", "text", "label", "source", "cue", "phenomena", "topic", "genre"}
SIGNAL_ELSEWHERE = {"quote_continuation", "split_attribution", "social_post"}
US = re.compile(r"\bU\.S\.|\$\d|\bMr\. |\bMrs\. |\bDr\. ")


def title_case(h):
    w = [x for x in re.findall(r"[A-Za-z][A-Za-z'-]*", h) if len(x) > 3]
    return bool(w) and sum(x[0].isupper() for x in w) / len(w) > 0.8


def existing_texts():
    seen = {}
    for p in sorted((ROOT / "data").glob("*.jsonl")):
        for line in p.open(encoding="utf-8"):
            if line.strip():
                r = json.loads(line)
                seen[" ".join(r["text"].lower().split())] = (p.name, r["doc_id"])
    return seen


def check(path, seen):
    bad, rows = [], []
    for n, line in enumerate(open(path, encoding="utf-8"), 1):
        if not line.strip():
            continue
        where = f"{path}:{n}"
        try:
            r = json.loads(line)
        except ValueError as e:
            bad.append(f"{where}: not JSON: {e}")
            continue
        if r.get("label") == "meta":
            if not isinstance(r.get("text"), str) or not r["text"].strip():
                bad.append(f"{where}: meta line needs text")
            continue
        rows.append(r)
        if set(r) - KEYS - {"source_nth", "cue_nth"} or KEYS - set(r):
            bad.append(f"{where}: keys must be {sorted(KEYS)}; got {sorted(r)}")
        label, t, tags = r.get("label"), r.get("text") or "", r.get("phenomena") or []
        if label not in LABELS:
            bad.append(f"{where}: label {label!r} (claim, denial, attribution, or meta)")
        for f in ("source", "cue"):
            s = r.get(f)
            if s is not None and (not isinstance(s, str) or s not in t):
                bad.append(f"{where}: {f} {s!r} is not a substring of the text")
            nth = r.get(f + "_nth")
            if nth is not None and (s is None or t.count(s) < nth):
                bad.append(f"{where}: {f}_nth {nth} but {s!r} occurs {t.count(s or '') if s else 0} time(s)")
        if label in ("attribution", "denial") and not r.get("cue") and not SIGNAL_ELSEWHERE & set(tags):
            bad.append(f"{where}: {label} needs a cue (null only with quote_continuation, split_attribution or social_post)")
        if label == "claim" and (r.get("cue") or r.get("source")):
            bad.append(f"{where}: claim has source/cue; use null")
        for tag in tags:
            if tag not in TAGS:
                bad.append(f"{where}: unknown tag {tag!r}")
        if r.get("genre") not in GENRES:
            bad.append(f"{where}: genre {r.get('genre')!r}; one of {sorted(GENRES)}")
        if r.get("position") != len(rows) - 1:
            bad.append(f"{where}: position should be {len(rows) - 1} (metadata lines are not counted)")
        key = " ".join(t.lower().split())
        if key in seen and seen[key][1] != r.get("doc_id"):
            bad.append(f"{where}: the same sentence is already in {seen[key][0]}")
        seen[key] = (Path(path).name, r.get("doc_id"))
    if not 3 <= len(rows) <= 150:
        bad.append(f"{path}: {len(rows)} labelled sentences (3..150)")
    if len({r.get("doc_id") for r in rows}) != 1 or rows and rows[0].get("doc_id") != Path(path).stem:
        bad.append(f"{path}: doc_id must be the file name's stem on every line")
    if len({(r.get("topic"), r.get("genre")) for r in rows}) > 1:
        bad.append(f"{path}: topic and genre must be the same on every line")
    return bad, rows


def main(paths):
    seen = existing_texts()
    allbad, docs = [], []
    for p in paths:
        b, rows = check(p, seen)
        allbad += b
        if rows:
            docs.append(rows)
    print("\n".join(allbad) or "OK")
    sents = [r for d in docs for r in d]
    n = len(sents) or 1
    lab = Counter(r.get("label") for r in sents)
    words = [len(r["text"].split()) for r in sents]
    cues = [(r.get("cue") or "").lower() for r in sents if r.get("label") == "attribution"]
    print(f"{len(docs)} documents, {len(sents)} sentences; lengths {sorted(len(d) for d in docs)}")
    print("labels: " + ", ".join(f"{k} {lab[k] / n:.0%}" for k in ("claim", "denial", "attribution")))
    print(f"words/sentence {sum(words) / n:.1f}; 35+ words {sum(w >= 35 for w in words) / n:.0%}; "
          f"opening with a quote mark {sum(r['text'].lstrip()[:1] in chr(34) + chr(8220) for r in sents) / n:.0%}")
    print(f"documents with a denial {sum(any(r['label'] == 'denial' for r in d) for d in docs)}/{len(docs)}; "
          f"Title Case headlines {sum(title_case(d[0]['text']) for d in docs)}/{len(docs)}; "
          f"US style {sum(any(US.search(r['text']) for r in d) for d in docs)}/{len(docs)}; "
          f"'said' as the cue {sum(c == 'said' for c in cues) / max(len(cues), 1):.0%} of attributions")
    return 1 if allbad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
