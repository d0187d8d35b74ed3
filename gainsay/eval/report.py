"""The one place a metric is declared. A `Metric` says how to compute a number from gold and
predicted label ids, and how to title it; `score()` computes every metric into the report,
and the report's Markdown, the leaderboard rows, LEADERBOARD.md and the README table all
read them from here. Adding a metric is adding one `Metric` (and, to show it on the
leaderboard, one `Column`).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import numpy as np

from gainsay.corpus.labels import LABELS
from gainsay.corpus.schema import load_schema
from gainsay.eval import metrics


@dataclass(frozen=True)
class Metric:
    key: str  # the report's field
    title: str
    compute: Callable[["Gold", np.ndarray], float | None]  # noqa: F821 (gold, predicted ids) -> value or None
    interval: bool = False  # a 95% bootstrap interval is reported beside it (report["ci"][key])


def _f1_of(label: str):
    i = LABELS.index(label)
    return lambda g, pred: metrics.per_label(g.labels, pred)[LABELS[i]]["f1"]


def _macro_f1_of(portion: str):
    def compute(g, pred):
        idx = g.portion_rows.get(portion)
        if idx is None or not len(idx):
            return None
        return metrics.macro_f1(g.labels[idx], pred[idx])
    return compute


# the portions of the main splits, from the schema; the challenge set is its own suite
PORTIONS = tuple(p for p in load_schema("record")["properties"]["portion"]["enum"] if p != "challenge")


def groups(g, pred: np.ndarray) -> dict | None:
    """Minimal-pair groups (challenge set): how many groups have every item right."""
    if not g.group_rows:
        return None
    whole = [bool(np.all(pred[idx] == g.labels[idx])) for idx in g.group_rows.values()]
    return {"groups": len(whole), "all_correct": int(sum(whole))}


def _group_consistency(g, pred):
    """The share of minimal-pair groups with every item right."""
    counts = groups(g, pred)
    return counts["all_correct"] / counts["groups"] if counts else None


def _macro_f1_gold_labels(g, pred):
    """Macro-F1 over the labels present in the gold (two for a corpus without denials)."""
    from sklearn.metrics import f1_score

    present = sorted(set(g.labels.tolist()))
    return float(f1_score(g.labels, pred, labels=present, average="macro", zero_division=0))


METRICS: tuple[Metric, ...] = (
    Metric("macro_f1", "macro-F1", lambda g, p: metrics.macro_f1(g.labels, p), interval=True),
    Metric("macro_f1_gold_labels", "macro-F1 over the labels in the gold", _macro_f1_gold_labels),
    Metric("accuracy", "accuracy", lambda g, p: metrics.accuracy(g.labels, p), interval=True),
    *(Metric(f"f1_{l}", f"F1 {l}", _f1_of(l)) for l in LABELS),
    *(Metric(f"macro_f1_{p}", f"macro-F1, {p} portion", _macro_f1_of(p)) for p in PORTIONS),
    Metric("group_consistency", "group consistency (share of minimal-pair groups all correct)", _group_consistency),
)
BY_KEY = {m.key: m for m in METRICS}


@dataclass(frozen=True)
class Column:
    """A leaderboard column: one metric of one evaluation suite's report."""
    suite: str
    metric: str
    title: str
    headline: bool = False  # the ranking number, shown bold with its interval


COLUMNS: tuple[Column, ...] = (
    Column("test", "macro_f1", "macro-F1 (95% CI)", headline=True),
    Column("test", "accuracy", "accuracy"),
    *(Column("test", f"macro_f1_{p}", f"{p} macro-F1") for p in PORTIONS),
    *(Column("test", f"f1_{l}", f"F1 {l}") for l in LABELS),
    Column("challenge", "accuracy", "challenge accuracy"),
    Column("challenge", "group_consistency", "group consistency"),
)


# The transfer table: real news the project does not ship, scored with models trained on
# Gainsay only (see gainsay/benchmark.py, EXTERNAL).
TRANSFER_COLUMNS: tuple[Column, ...] = (
    Column("transfer-emergent", "macro_f1", "Emergent headlines, macro-F1 (3 labels)", headline=True),
    Column("transfer-emergent", "accuracy", "Emergent accuracy"),
    Column("transfer-polnear", "macro_f1_gold_labels", "PolNeAR sentences, claim-vs-attribution macro-F1", headline=True),
    Column("transfer-polnear", "accuracy", "PolNeAR accuracy"),
)


def pct(x: float | None, missing: str = "–") -> str:
    return missing if x is None else f"{100 * x:.1f}"


def row(system: str, reports: dict[str, dict], note: str = "", kind: str = "system") -> dict:
    """A leaderboard row from a system's reports, keyed by suite ("test", "challenge", ...)."""
    scores = {suite: {c.metric: rep.get(c.metric) for c in (*COLUMNS, *TRANSFER_COLUMNS) if c.suite == suite}
              for suite, rep in reports.items()}
    ci = {suite: {k: rep["ci"][k] for k in rep.get("ci", {}) if k in BY_KEY and BY_KEY[k].interval}
          for suite, rep in reports.items()}
    return {"system": system, "kind": kind, "note": note, "n_test": reports["test"]["n"] if "test" in reports else None,
            "scores": scores, "ci": ci}


def value(r: dict, c: Column) -> float | None:
    return r["scores"].get(c.suite, {}).get(c.metric)


def leaderboard_table(rows: list[dict], columns: tuple[Column, ...] = COLUMNS) -> str:
    """The leaderboard as a Markdown table: annotators' rows first, then by the first column."""
    head = columns[0]
    lines = ["| system | " + " | ".join(c.title for c in columns) + " |",
             "|---|" + "|".join("---" if c.headline and c.metric == "macro_f1" and c.suite == "test" else "---:"
                                for c in columns) + "|"]
    for r in sorted(rows, key=lambda r: (r.get("kind") != "annotators", -(value(r, head) or 0))):
        cells = []
        for c in columns:
            v = value(r, c)
            if c.headline and v is not None:
                lo, hi = r["ci"].get(c.suite, {}).get(c.metric, [None, None])
                cells.append(f"**{pct(v)}**" + (f" ({pct(lo)}–{pct(hi)})" if lo is not None else ""))
            else:
                cells.append(pct(v))
        lines.append(f"| {r['system']} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def to_markdown(r: dict) -> str:
    """A report as Markdown: the metrics with their intervals, per-label table, confusion
    matrix and the breakdowns."""
    out = [f"# Score of `{r['predictions']}` against `{r['gold']}`", "", f"- items: {r['n']}"]
    for m in METRICS:
        v = r.get(m.key)
        if v is None or m.key.startswith("f1_"):  # per-label F1 stands in the table below
            continue
        line = f"- {m.title}: {pct(v, 'n/a')}"
        if m.interval:
            lo, hi = r["ci"][m.key]
            line += f" (95% CI {pct(lo, 'n/a')}-{pct(hi, 'n/a')})"
        out.append(f"- **{line[2:]}**" if m.key == "macro_f1" else line)
    out += [f"- intervals: {r['ci']['method']}, {r['ci']['resamples']} resamples, seed {r['ci']['seed']}",
            f"- averaging: {r['averaging']}", ""]
    if "probabilistic" in r:
        pr = r["probabilistic"]
        out.append(f"- log loss: {pr['log_loss']:.4f}; expected calibration error ({pr['ece_bins']} bins): {pr['ece']:.4f}")
    if "annotator_distribution" in r:
        a = r["annotator_distribution"]
        ce = f"; cross-entropy against the annotators' labels: {a['cross_entropy']:.4f}" if "cross_entropy" in a else ""
        out.append(f"- agreement with a random annotator on {a['items']} doubly annotated items: {pct(a['soft_accuracy'], 'n/a')}{ce}")
    if "groups" in r:
        g = r["groups"]
        out.append(f"- minimal-pair groups: {g['all_correct']} of {g['groups']} all correct")
    out += ["", "| label | precision | recall | F1 | support |", "|---|---:|---:|---:|---:|"]
    for l, m in r["per_label"].items():
        out.append(f"| {l} | {pct(m['precision'], 'n/a')} | {pct(m['recall'], 'n/a')} | {pct(m['f1'], 'n/a')} | {m['support']} |")
    out += ["", "Confusion matrix (rows gold, columns predicted):", "",
            "| gold \\ predicted | " + " | ".join(LABELS) + " |", "|---|" + "---:|" * len(LABELS)]
    for l, cm_row in zip(LABELS, r["confusion_matrix"]["matrix"]):
        out.append(f"| {l} | " + " | ".join(map(str, cm_row)) + " |")
    for title, key in BREAKDOWN_TITLES:
        part = r["breakdowns"].get(key)
        if not part:
            continue
        out += ["", f"## {title}", "", "| slice | n | accuracy | macro-F1 |", "|---|---:|---:|---:|"]
        for k, m in part.items():
            out.append(f"| {k} | {m['n']} | {pct(m['accuracy'], 'n/a')} | {pct(m['macro_f1'], 'n/a')} |")
    return "\n".join(out) + "\n"


BREAKDOWN_TITLES = (("By portion", "portion"), ("Headline and body", "position"), ("By origin", "origin"),
                    ("By phenomenon", "phenomena"))
