#!/usr/bin/env python3
"""Check authored document files (one JSON object per line, one line per sentence)."""
import json, re, sys

LABELS = {"claim", "denial", "attribution"}
TAGS = set(re.findall(r"^- `([a-z_]+)`:", open(__file__.replace("check_doc.py", "CONVENTIONS.md")).read().split("## Phenomenon tags")[1], re.M))
GENRES = {"wire", "broadsheet", "tabloid", "press_release", "fact_check", "broadcast_transcript", "live_blog"}
KEYS = {"doc_id", "position", "text", "label", "source", "cue", "phenomena", "topic", "genre"}

def check(path):
    bad = []
    rows = []
    for n, line in enumerate(open(path, encoding="utf-8"), 1):
        if not line.strip():
            continue
        try:
            r = json.loads(line)
        except ValueError as e:
            bad.append(f"{path}:{n}: not JSON: {e}"); continue
        rows.append(r)
        if set(r) - KEYS - {"source_nth", "cue_nth"} or KEYS - set(r):
            bad.append(f"{path}:{n}: keys must be {sorted(KEYS)}; got {sorted(r)}")
        if r.get("label") not in LABELS:
            bad.append(f"{path}:{n}: label {r.get('label')!r}")
        t = r.get("text") or ""
        for f in ("source", "cue"):
            s = r.get(f)
            if s is not None and s not in t:
                bad.append(f"{path}:{n}: {f} {s!r} is not a substring of the text")
        if r.get("label") in ("attribution", "denial") and not r.get("cue"):
            bad.append(f"{path}:{n}: {r.get('label')} needs a cue")
        if r.get("label") == "claim" and (r.get("cue") or r.get("source")):
            bad.append(f"{path}:{n}: claim has source/cue; use null")
        for tag in r.get("phenomena") or []:
            if tag not in TAGS:
                bad.append(f"{path}:{n}: unknown tag {tag!r}")
        if r.get("genre") not in GENRES:
            bad.append(f"{path}:{n}: genre {r.get('genre')!r}")
        if r.get("position") != len(rows) - 1:
            bad.append(f"{path}:{n}: position should be {len(rows)-1}")
    if not 9 <= len(rows) <= 21:
        bad.append(f"{path}: {len(rows)} sentences (need a headline + 8..20 body)")
    if len({r.get('doc_id') for r in rows}) != 1:
        bad.append(f"{path}: more than one doc_id")
    return bad, rows

if __name__ == "__main__":
    allbad, counts, n = [], {l: 0 for l in LABELS}, 0
    for p in sys.argv[1:]:
        b, rows = check(p)
        allbad += b
        for r in rows:
            if r.get("label") in counts:
                counts[r["label"]] += 1; n += 1
    print("\n".join(allbad) or "OK")
    print(f"{len(sys.argv)-1} files, {n} sentences:", {k: f"{v} ({v/max(n,1):.0%})" for k, v in counts.items()})
    sys.exit(1 if allbad else 0)
