"""Is system A better than system B? Difference in macro-F1 with an approximate
randomisation p-value (paired: each item's two predictions are swapped at random)."""
from __future__ import annotations

import numpy as np

from gainsay.corpus.labels import LABELS
from gainsay.eval.metrics import from_confusions

K = len(LABELS)
ROUNDS = 10_000
SEED = 20261130


def compare(gold: np.ndarray, a: np.ndarray, b: np.ndarray, rounds: int = ROUNDS, seed: int = SEED) -> dict:
    """Two-sided approximate randomisation test of macro-F1(A) - macro-F1(B).

    Macro-F1 depends only on the confusion matrix, so items are grouped in the K^3 cells
    (gold, A, B); swapping the systems' labels on an item moves it from (g, a, b) to
    (g, b, a), and the number swapped in a cell is binomial with p = 1/2. Each round thus
    costs K^3 draws whatever the number of items.
    """
    cells = np.bincount((gold * K + a) * K + b, minlength=K ** 3).reshape(K, K, K)
    cm_a, cm_b = cells.sum(axis=2), cells.sum(axis=1)
    _, (f_a, f_b) = from_confusions(np.stack([cm_a, cm_b]))
    observed = float(f_a - f_b)
    rng = np.random.default_rng(seed)
    swapped = rng.binomial(cells[None].repeat(rounds, 0), 0.5)  # rounds x g x a x b
    kept = cells[None] - swapped
    # after swapping, A's label on a swapped item in cell (g, a, b) is b
    new_a = kept.sum(axis=3) + swapped.sum(axis=2)
    new_b = kept.sum(axis=2) + swapped.sum(axis=3)
    _, fa = from_confusions(new_a)
    _, fb = from_confusions(new_b)
    extreme = np.sum(np.abs(fa - fb) >= abs(observed) - 1e-12)
    return {"macro_f1_a": float(f_a), "macro_f1_b": float(f_b), "difference": observed,
            "p_value": float((extreme + 1) / (rounds + 1)), "test": "approximate randomisation, two-sided",
            "rounds": rounds, "seed": seed, "n": int(len(gold))}
