"""Descriptive statistics of the corpus: what `gainsay stats` prints and data/stats.json
records (a test recomputes the file from the data, so it cannot drift)."""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from gainsay.corpus import agreement
from gainsay.corpus.records import read_challenge, read_splits
from gainsay.corpus.labels import LABELS

NEAR_DUPLICATE_COSINE = 0.9  # character 3-5-gram TF-IDF cosine at or above this is "near"


def stats_path(data: str | Path) -> Path:
    return Path(data) / "stats.json"


def _r(x: float | None) -> float | None:
    return None if x is None else round(float(x), 4)


def label_block(records: list[dict]) -> dict:
    counts = Counter(r["label"] for r in records)
    n = len(records)
    return {"sentences": n, "documents": len({r["doc_id"] for r in records}),
            "labels": {l: counts.get(l, 0) for l in LABELS},
            "label_share": {l: _r(counts.get(l, 0) / n) if n else None for l in LABELS}}


def near_duplicates(texts: list[str], threshold: float = NEAR_DUPLICATE_COSINE) -> list[tuple[int, int, float]]:
    """Pairs (i, j, cosine) of distinct texts whose character 3-5-gram TF-IDF vectors have
    cosine >= threshold."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    if len(texts) < 2:
        return []
    m = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), lowercase=True).fit_transform(texts)
    sims = (m @ m.T).tocoo()
    return sorted((int(i), int(j), float(v)) for i, j, v in zip(sims.row, sims.col, sims.data)
                  if i < j and v >= threshold)


def by_portion(records: list[dict]) -> dict[str, list[dict]]:
    """Records grouped by their portion (natural, enriched), in name order."""
    out: dict[str, list[dict]] = {}
    for r in records:
        out.setdefault(r.get("portion") or "(none)", []).append(r)
    return dict(sorted(out.items()))


def _agreement(records: list[dict]) -> dict:
    return {k: (_r(v) if isinstance(v, float) else v) for k, v in agreement.summary(records).items()}


def cue_key(record: dict) -> str | None:
    cue = record.get("cue")
    return " ".join(cue["text"].lower().split()) if cue else None


def compute(data: str | Path) -> dict:
    return compute_from(read_splits(data), read_challenge(data))


def compute_from(splits: dict[str, list[dict]], challenge: list[dict]) -> dict:
    """The statistics of records in memory (e.g. a merge's result before it is written)."""
    records = [r for rs in splits.values() for r in rs]
    words = sorted(len(r["text"].split()) for r in records)
    tags = Counter(t for r in records for t in r.get("phenomena") or [])
    dups = near_duplicates([r["text"] for r in records])
    in_dup = {i for i, j, _ in dups} | {j for i, j, _ in dups}
    needs_source = [r for r in records if r["label"] == "attribution" or "attributed_denial" in (r.get("phenomena") or [])]
    return {
        "overall": label_block(records),
        "splits": {s: label_block(rs) for s, rs in splits.items()},
        "origin": dict(sorted(Counter(r.get("origin") for r in records).items(), key=lambda kv: str(kv[0]))),
        "portions": {p: {**label_block(rs), "agreement": _agreement(rs)} for p, rs in by_portion(records).items()},
        "topics": {k: v for k, v in sorted(Counter(r.get("topic") for r in records).items(), key=lambda kv: str(kv[0]))},
        "genres": {k: v for k, v in sorted(Counter(r.get("genre") for r in records).items(), key=lambda kv: str(kv[0]))},
        "documents_by_topic": dict(sorted(Counter(t for _, t in {(r["doc_id"], r.get("topic")) for r in records}).items(), key=lambda kv: str(kv[0]))),
        "phenomena": dict(sorted(tags.items())),
        "share_with_phenomenon": _r(sum(1 for r in records if r.get("phenomena")) / len(records)) if records else None,
        "sentence_words": {"mean": _r(sum(words) / len(words)) if words else None,
                           "median": words[len(words) // 2] if words else None,
                           "min": words[0] if words else None, "max": words[-1] if words else None},
        "distinct_cues": len({k for r in records if (k := cue_key(r))}),
        "spans": {"attribution_or_attributed_denial": len(needs_source),
                  "with_source": sum(1 for r in needs_source if r.get("source")),
                  "attribution_or_denial_with_cue": sum(1 for r in records if r["label"] != "claim" and r.get("cue"))},
        "near_duplicates": {"measure": f"character 3-5-gram TF-IDF cosine >= {NEAR_DUPLICATE_COSINE}",
                            "pairs": len(dups), "sentences": len(in_dup),
                            "share": _r(len(in_dup) / len(records)) if records else None},
        "agreement": _agreement(records),
        "challenge": {"items": len(challenge), "groups": len({r.get("group") for r in challenge}),
                      "labels": {l: sum(1 for r in challenge if r["label"] == l) for l in LABELS},
                      "agreement": _agreement(challenge)},
    }


def render_text(s: dict) -> str:
    lines = []
    o = s["overall"]
    lines.append(f"Gainsay corpus: {o['sentences']} sentences in {o['documents']} documents")
    lines.append(f"{'split':<11}{'docs':>6}{'sents':>7}" + "".join(f"{l:>18}" for l in LABELS))
    for name, b in [*s["splits"].items(), ("all", o)]:
        cells = "".join(f"{b['labels'][l]:>8} ({(b['label_share'][l] or 0):>6.1%})  " for l in LABELS)
        lines.append(f"{name:<11}{b['documents']:>6}{b['sentences']:>7}  {cells}")
    lines.append(f"{'portion':<11}{'docs':>6}{'sents':>7}" + "".join(f"{l:>18}" for l in LABELS) + "   alpha")
    for name, b in s["portions"].items():
        cells = "".join(f"{b['labels'][l]:>8} ({(b['label_share'][l] or 0):>6.1%})  " for l in LABELS)
        lines.append(f"{name:<11}{b['documents']:>6}{b['sentences']:>7}  {cells} {b['agreement']['krippendorff_alpha_nominal']}")
    lines.append(f"origin: {s['origin']}")
    lines.append(f"topics ({len(s['topics'])}): {s['topics']}")
    lines.append(f"genres ({len(s['genres'])}): {s['genres']}")
    share = s["share_with_phenomenon"]
    lines.append(f"phenomena (sentences with a tag: {share if share is None else f'{share:.1%}'}): {s['phenomena']}")
    w = s["sentence_words"]
    lines.append(f"sentence length in words: mean {w['mean']}, median {w['median']}, min {w['min']}, max {w['max']}")
    lines.append(f"distinct cue expressions: {s['distinct_cues']}")
    sp = s["spans"]
    lines.append(f"source spans: {sp['with_source']}/{sp['attribution_or_attributed_denial']} attributions and attributed denials; "
                 f"cue spans on {sp['attribution_or_denial_with_cue']} attributions and denials")
    nd = s["near_duplicates"]
    lines.append(f"near duplicates ({nd['measure']}): {nd['pairs']} pairs, {nd['sentences']} sentences ({(nd['share'] or 0):.2%})")
    a = s["agreement"]
    lines.append(f"agreement: {a['items_double_annotated']} items with two passes; Krippendorff's alpha (nominal) "
                 f"{a['krippendorff_alpha_nominal']}, Cohen's kappa {a['cohen_kappa_pass1_pass2']}, observed {a['observed_agreement']}")
    c = s["challenge"]
    ca = c["agreement"]
    lines.append(f"challenge set: {c['items']} items in {c['groups']} groups {c['labels']}; "
                 f"{ca['items_double_annotated']} with two passes, observed agreement {ca['observed_agreement']}")
    return "\n".join(lines)


def dumps(s: dict) -> bytes:
    return (json.dumps(s, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def plot_labels(s: dict, out: str | Path) -> None:
    """Bar chart of the label distribution per split, for the dataset card."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    names = list(s["splits"])
    fig, ax = plt.subplots(figsize=(7, 3.6), dpi=120)
    width = 0.8 / len(LABELS)
    for k, label in enumerate(LABELS):
        xs = [i + (k - 1) * width for i in range(len(names))]
        ys = [s["splits"][n]["labels"][label] for n in names]
        bars = ax.bar(xs, ys, width, label=label)
        ax.bar_label(bars, fontsize=7)
    ax.set_xticks(range(len(names)), [f"{n}\n({s['splits'][n]['sentences']} sentences)" for n in names])
    ax.set_ylabel("sentences")
    ax.set_title("Gainsay: labels per split")
    ax.legend(frameon=False)
    fig.tight_layout()
    fig.savefig(out)
    plt.close(fig)
