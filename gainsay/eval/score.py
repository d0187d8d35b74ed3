"""score(gold, predictions) -> a report: a JSON-ready dict (its Markdown is
`report.to_markdown`), and a confusion plot."""
from __future__ import annotations

import numpy as np

from gainsay.eval import metrics
from gainsay.eval.report import METRICS, groups, pct
from gainsay.corpus.labels import LABELS
from gainsay.eval.inputs import Gold, Predictions

AVERAGING = ("macro_f1: unweighted mean of the per-label F1 of claim, denial and attribution "
             "(scikit-learn f1_score average='macro', labels fixed, zero_division=0); "
             "breakdown macro_f1 averages over the labels present in that slice's gold")


def _slice(gold: np.ndarray, pred: np.ndarray) -> dict:
    from sklearn.metrics import f1_score

    present = sorted(set(gold.tolist()))
    return {"n": int(len(gold)), "accuracy": metrics.accuracy(gold, pred),
            "macro_f1": float(f1_score(gold, pred, labels=present, average="macro", zero_division=0))}


def breakdowns(g: Gold, pred: np.ndarray) -> dict:
    out = {
        "phenomena": {t: _slice(g.labels[idx], pred[idx]) for t, idx in sorted(g.tag_rows.items())},
        "portion": {o: _slice(g.labels[idx], pred[idx]) for o, idx in sorted(g.portion_rows.items())},
        "origin": {o: _slice(g.labels[idx], pred[idx]) for o, idx in sorted(g.origin_rows.items())},
        "position": {},
    }
    for name, mask in (("headline", g.headline), ("body", ~g.headline)):
        if mask.any():
            out["position"][name] = _slice(g.labels[mask], pred[mask])
    return out


def score(g: Gold, p: Predictions) -> dict:
    gold, pred = g.labels, p.labels
    cm = metrics.confusion(gold, pred)
    report = {
        "n": int(len(gold)),
        **{m.key: m.compute(g, pred) for m in METRICS},
        "per_label": metrics.per_label(gold, pred),
        "confusion_matrix": {"labels": list(LABELS), "rows": "gold", "columns": "predicted", "matrix": cm.tolist()},
        "ci": metrics.bootstrap_ci(cm),
        "breakdowns": breakdowns(g, pred),
        "averaging": AVERAGING,
        "gold": g.path,
        "predictions": p.path,
    }
    if p.probs is not None:
        report["probabilistic"] = {"log_loss": metrics.log_loss(gold, p.probs),
                                   "ece": metrics.expected_calibration_error(gold, p.probs),
                                   "ece_bins": metrics.ECE_BINS}
    if g.soft is not None:
        rows = g.soft_rows
        agree = {"items": int(len(rows)),
                 # chance that the predicted label matches a randomly chosen annotator
                 "soft_accuracy": float(g.soft[np.arange(len(rows)), pred[rows]].mean())}
        if p.probs is not None:
            agree["cross_entropy"] = metrics.soft_cross_entropy(g.soft, p.probs[rows])
        report["annotator_distribution"] = agree
    whole = groups(g, pred)
    if whole:
        report["groups"] = whole
    return report


PLOT_FORMATS = ("png", "svg", "pdf")


def plot_format(path) -> str:
    """The image format of a plot path, from its suffix; checked before any work."""
    from gainsay.problems import UsageError

    fmt = str(path).rsplit(".", 1)[-1].lower() if "." in str(path) else ""
    if fmt not in PLOT_FORMATS:
        raise UsageError(f"{path}: a plot is written as {', '.join('.' + f for f in PLOT_FORMATS)}; give one of these suffixes")
    return fmt


def render_confusion(r: dict, fmt: str = "png") -> bytes:
    """The confusion matrix as a heat map, shaded by row share, annotated with counts."""
    import io

    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    cm = np.array(r["confusion_matrix"]["matrix"], dtype=float)
    share = cm / np.maximum(cm.sum(axis=1, keepdims=True), 1)
    fig, ax = plt.subplots(figsize=(4.8, 4.2), dpi=120)
    ax.imshow(share, cmap="Blues", vmin=0, vmax=1)
    for i in range(len(LABELS)):
        for j in range(len(LABELS)):
            ax.text(j, i, f"{int(cm[i, j])}\n{share[i, j]:.0%}", ha="center", va="center",
                    color="white" if share[i, j] > 0.6 else "black", fontsize=9)
    ax.set_xticks(range(len(LABELS)), LABELS)
    ax.set_yticks(range(len(LABELS)), LABELS)
    ax.set_xlabel("predicted")
    ax.set_ylabel("gold")
    ax.set_title(f"macro-F1 {pct(r['macro_f1'])}, n = {r['n']}")
    fig.tight_layout()
    buf = io.BytesIO()
    fig.savefig(buf, format=fmt, metadata={"Software": None} if fmt == "png" else None)
    plt.close(fig)
    return buf.getvalue()


def plot_confusion(r: dict, out) -> None:
    from gainsay.corpus.io import write_bytes_safely

    write_bytes_safely(out, render_confusion(r, plot_format(out)))
