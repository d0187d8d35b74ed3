"""Pure metric functions. Point estimates come from scikit-learn with the averaging stated;
resampling works on confusion matrices, which hold all that accuracy and macro-F1 depend on,
so that a bootstrap over a million items costs no more than one over a hundred."""
from __future__ import annotations

import numpy as np

from gainsay.corpus.labels import LABELS

K = len(LABELS)
BOOTSTRAP_RESAMPLES = 1000
BOOTSTRAP_SEED = 20261130
ECE_BINS = 15


def confusion(gold: np.ndarray, pred: np.ndarray) -> np.ndarray:
    """K x K counts, rows gold, columns predicted (label ids)."""
    from sklearn.metrics import confusion_matrix

    return confusion_matrix(gold, pred, labels=list(range(K)))


def per_label(gold: np.ndarray, pred: np.ndarray) -> dict:
    """Precision, recall, F1 and support per label (sklearn, average=None, zero_division=0)."""
    from sklearn.metrics import precision_recall_fscore_support

    p, r, f, s = precision_recall_fscore_support(gold, pred, labels=list(range(K)), average=None, zero_division=0)
    return {LABELS[i]: {"precision": float(p[i]), "recall": float(r[i]), "f1": float(f[i]), "support": int(s[i])}
            for i in range(K)}


def accuracy(gold: np.ndarray, pred: np.ndarray) -> float:
    from sklearn.metrics import accuracy_score

    return float(accuracy_score(gold, pred))


def macro_f1(gold: np.ndarray, pred: np.ndarray) -> float:
    """Unweighted mean of the three labels' F1 (sklearn average="macro", all three labels
    counted even when absent, zero_division=0)."""
    from sklearn.metrics import f1_score

    return float(f1_score(gold, pred, labels=list(range(K)), average="macro", zero_division=0))


def from_confusions(cms: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Accuracy and macro-F1 of a stack of K x K confusion matrices (shape [..., K, K]),
    with the same conventions as `macro_f1` (absent labels count, 0 where undefined).

    >>> acc, f1 = from_confusions(np.array([[5, 0, 0], [1, 3, 0], [0, 1, 2]]))
    >>> round(float(acc), 4), round(float(f1), 4)
    (0.8333, 0.8197)
    """
    cms = np.asarray(cms, dtype=float)
    tp = np.diagonal(cms, axis1=-2, axis2=-1)
    gold_n = cms.sum(axis=-1)
    pred_n = cms.sum(axis=-2)
    denom = gold_n + pred_n
    f1 = np.divide(2 * tp, denom, out=np.zeros_like(tp), where=denom > 0)
    total = cms.sum(axis=(-2, -1))
    acc = np.divide(tp.sum(axis=-1), total, out=np.zeros_like(total), where=total > 0)
    return acc, f1.mean(axis=-1)


def bootstrap_ci(cm: np.ndarray, resamples: int = BOOTSTRAP_RESAMPLES, seed: int = BOOTSTRAP_SEED,
                 level: float = 0.95) -> dict:
    """Percentile bootstrap intervals for accuracy and macro-F1.

    Resampling n items with replacement gives a confusion matrix drawn from a multinomial
    with n trials and the observed cell shares, so the cells are drawn directly: the same
    distribution as resampling items, in constant time.
    """
    cm = np.asarray(cm)
    n = int(cm.sum())
    if n == 0:
        return {"level": level, "resamples": resamples, "seed": seed, "accuracy": [None, None], "macro_f1": [None, None]}
    rng = np.random.default_rng(seed)
    draws = rng.multinomial(n, cm.ravel() / n, size=resamples).reshape(resamples, K, K)
    acc, f1 = from_confusions(draws)
    lo, hi = (1 - level) / 2 * 100, (1 + level) / 2 * 100
    return {"level": level, "resamples": resamples, "seed": seed, "method": "percentile bootstrap over items",
            "accuracy": [float(np.percentile(acc, lo)), float(np.percentile(acc, hi))],
            "macro_f1": [float(np.percentile(f1, lo)), float(np.percentile(f1, hi))]}


def log_loss(gold: np.ndarray, probs: np.ndarray) -> float:
    from sklearn.metrics import log_loss as sk_log_loss

    probs = probs / probs.sum(axis=1, keepdims=True)  # scores are rounded in files; renormalise
    return float(sk_log_loss(gold, probs, labels=list(range(K))))


def expected_calibration_error(gold: np.ndarray, probs: np.ndarray, bins: int = ECE_BINS) -> float:
    """ECE of the top-label confidence, equal-width bins on [0, 1], weighted by bin size."""
    conf = probs.max(axis=1)
    correct = probs.argmax(axis=1) == gold
    edges = np.linspace(0.0, 1.0, bins + 1)
    which = np.clip(np.digitize(conf, edges[1:-1], right=True), 0, bins - 1)
    counts = np.bincount(which, minlength=bins)
    conf_sum = np.bincount(which, weights=conf, minlength=bins)
    acc_sum = np.bincount(which, weights=correct.astype(float), minlength=bins)
    used = counts > 0
    return float(np.sum(np.abs(acc_sum[used] - conf_sum[used])) / len(gold)) if len(gold) else 0.0


def soft_cross_entropy(soft_gold: np.ndarray, probs: np.ndarray, eps: float = 1e-12) -> float:
    """Mean cross-entropy (nats) of the predicted distribution against the annotators'
    label distribution: -sum_k p_k log q_k, averaged over items."""
    return float(-(soft_gold * np.log(np.clip(probs, eps, 1.0))).sum(axis=1).mean())
