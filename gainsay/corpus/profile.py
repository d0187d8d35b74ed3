"""The shape of the corpus, per portion, beside a reference profile of real news: document
length, sentence length, label mix and its spread across documents, quotes, headline
conventions, house style, stock phrases. What `gainsay profile` prints and data/profile.json
records (a test recomputes the file). The reference figures ship with the package
(reference_profile.json: figures only, with their source and method)."""
from __future__ import annotations

import json
import re
import statistics
from collections import Counter, defaultdict
from importlib import resources
from pathlib import Path

from gainsay.corpus.records import read_splits

STOCK = ("whatsoever", "flatly", "full stop", "rubbish", "pointing at each other", "not everyone")
US_MARKS = re.compile(r"\bU\.S\.|\$\d|\bMr\. |\bMrs\. |\bDr\. ")
HEDGE = re.compile(r"\b(may|might|could|appears?|appeared|likely|possibly|perhaps|expected to)\b", re.I)
QUOTE_MARKS = "\"\u201c'\u2018"


def title_case(headline: str) -> bool:
    """More than 80% of the words of four or more letters start with a capital."""
    words = [w for w in re.findall(r"[A-Za-z][A-Za-z'-]*", headline) if len(w) > 3]
    return bool(words) and sum(w[0].isupper() for w in words) / len(words) > 0.8


def _r(x: float) -> float:
    return round(float(x), 4)


def profile(docs: list[list[dict]]) -> dict:
    """The statistics of a set of documents (each a list of records in position order)."""
    sents = [r for d in docs for r in d]
    n = len(sents) or 1
    lens = sorted(len(d) for d in docs)
    words = [len(r["text"].split()) for r in sents]
    labels = Counter(r["label"] for r in sents)
    attr = [sum(r["label"] == "attribution" for r in d) / len(d) for d in docs]
    cues = [((r.get("cue") or {}).get("text") or "").lower() for r in sents if r["label"] == "attribution"]
    heads = [d[0]["text"] for d in docs]
    return {
        "docs": len(docs), "sentences": len(sents),
        "doc_len_median": statistics.median(lens) if lens else 0, "doc_len_min": lens[0] if lens else 0,
        "doc_len_max": lens[-1] if lens else 0,
        "words_mean": _r(sum(words) / n), "share_35plus": _r(sum(w >= 35 for w in words) / n),
        "claim": _r(labels["claim"] / n), "denial": _r(labels["denial"] / n), "attribution": _r(labels["attribution"] / n),
        "docs_with_denial": _r(sum(any(r["label"] == "denial" for r in d) for d in docs) / max(len(docs), 1)),
        "attr_share_sd": _r(statistics.pstdev(attr)) if attr else 0.0,
        "quote_open": _r(sum(r["text"].lstrip()[:1] in QUOTE_MARKS for r in sents) / n),
        "title_case_heads": _r(sum(map(title_case, heads)) / max(len(docs), 1)),
        "denial_heads": _r(sum(d[0]["label"] == "denial" for d in docs) / max(len(docs), 1)),
        "question_heads": _r(sum(h.rstrip().endswith("?") for h in heads) / max(len(docs), 1)),
        "said_share": _r(sum(c == "said" for c in cues) / len(cues)) if cues else 0.0,
        "hedge_share": _r(sum(bool(HEDGE.search(r["text"])) for r in sents) / n),
        "us_style_docs": _r(sum(any(US_MARKS.search(r["text"]) for r in d) for d in docs) / max(len(docs), 1)),
        "stock_max_doc_share": _r(max(sum(any(k in r["text"].lower() for r in d) for d in docs) / max(len(docs), 1)
                                      for k in STOCK)),
    }


def documents_by_portion(records: list[dict]) -> dict[str, list[list[dict]]]:
    docs: dict[str, list[dict]] = defaultdict(list)
    for r in records:
        docs[r["doc_id"]].append(r)
    out: dict[str, list[list[dict]]] = defaultdict(list)
    for d in docs.values():
        d.sort(key=lambda r: r["position"])
        out[d[0].get("portion") or "(none)"].append(d)
    return dict(sorted(out.items()))


def reference() -> dict:
    return json.loads((resources.files("gainsay.corpus") / "reference_profile.json").read_text(encoding="utf-8"))


def compute(data: str | Path) -> dict:
    return compute_from(read_splits(data))


def compute_from(splits: dict[str, list[dict]]) -> dict:
    records = [r for rs in splits.values() for r in rs]
    return {"portions": {p: profile(ds) for p, ds in documents_by_portion(records).items()},
            "reference": reference()}


def meets(value, target) -> bool | None:
    if target is None:
        return None
    lo, hi = target
    return (lo is None or value >= lo) and (hi is None or value <= hi)


def render_text(result: dict) -> str:
    ref = result["reference"]
    names = list(result["portions"])
    keys = list(next(iter(result["portions"].values()))) if names else []
    lines = [f"{'statistic':<22}" + "".join(f"{n:>12}" for n in names) + f"{'real news':>12}   target (natural)"]
    for k in keys:
        cells = "".join(f"{result['portions'][n][k]:>12}" for n in names)
        real = ref["figures"].get(k, {}).get("value", "")
        target = ref["targets"].get(k)
        mark = ""
        if target and "natural" in result["portions"]:
            lo, hi = target
            want = f"{'' if lo is None else lo}-{'' if hi is None else hi}".strip("-") if lo is not None and hi is not None \
                else (f">= {lo}" if lo is not None else f"<= {hi}")
            ok = meets(result["portions"]["natural"][k], target)
            mark = f"   {want}" + ("" if ok else "   <- not yet")
        lines.append(f"{k:<22}{cells}{real!s:>12}{mark}")
    lines.append("")
    lines.append(f"real news: {ref['source']}")
    return "\n".join(lines)


def profile_path(data: str | Path) -> Path:
    return Path(data) / "profile.json"


def dumps(result: dict) -> bytes:
    """data/profile.json holds the corpus's own figures; the reference ships with the package."""
    return (json.dumps({"portions": result["portions"]}, indent=2) + "\n").encode("utf-8")
