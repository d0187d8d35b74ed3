"""What every baseline provides, and the safe on-disk format they share: JSON for
settings and vocabularies, .npz (loaded with allow_pickle=False) for arrays."""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from gainsay.corpus.labels import LABELS


class Baseline:
    """A model's settings come from its config file (baselines/<name>/config.json)."""
    name = "baseline"
    gives_scores = True
    trains = True  # False: nothing is learned, so no data and no cache are needed
    code: tuple[str, ...] = ()  # further modules whose source is part of the model's version

    def __init__(self, settings: dict | None = None):
        self.settings = dict(settings or {})

    def fit(self, train: list[dict], validation: list[dict]) -> dict:
        """Train on `train`; choose settings on `validation`. Returns what was tuned."""
        raise NotImplementedError

    def predict_proba(self, texts: list[str]) -> np.ndarray:
        """n x 3 probabilities in label order."""
        raise NotImplementedError

    def predict(self, texts: list[str]) -> tuple[np.ndarray, np.ndarray | None]:
        """Label ids, and probabilities when the baseline gives them."""
        probs = self.predict_proba(texts)
        return probs.argmax(axis=1), probs if self.gives_scores else None

    def save(self, folder: Path) -> None:
        raise NotImplementedError

    @classmethod
    def load(cls, folder: Path, settings: dict) -> "Baseline":
        raise NotImplementedError


def texts_labels(records: list[dict]) -> tuple[list[str], np.ndarray]:
    from gainsay.corpus.labels import LABEL2ID

    return [r["text"] for r in records], np.array([LABEL2ID[r["label"]] for r in records])


def write_json(path: Path, obj) -> None:
    path.write_text(json.dumps(obj, ensure_ascii=False), encoding="utf-8")


def read_json(path: Path):
    return json.loads(path.read_text(encoding="utf-8"))


def save_arrays(path: Path, **arrays) -> None:
    np.savez(path, **arrays)


def load_arrays(path: Path) -> dict:
    with np.load(path, allow_pickle=False) as z:
        return {k: z[k] for k in z.files}


def tune_c(make, X_train, y_train, X_val, y_val, grid):
    """Fit one logistic regression per C; keep the best on validation macro-F1."""
    from gainsay.eval.metrics import macro_f1

    best = None
    scores = {}
    for c in grid:
        model = make(c).fit(X_train, y_train)
        f1 = macro_f1(y_val, model.predict(X_val))
        scores[str(c)] = f1
        if best is None or f1 > best[0]:
            best = (f1, c, model)
    return best[2], {"C": best[1], "validation_macro_f1_by_C": scores}


def logistic(settings: dict):
    """A maker of class-balanced logistic regressions for `tune_c`, per C."""
    from sklearn.linear_model import LogisticRegression

    return lambda c: LogisticRegression(C=c, max_iter=settings.get("max_iter", 2000), class_weight="balanced")


def save_logistic(path: Path, model) -> None:
    save_arrays(path, coef=model.coef_, intercept=model.intercept_, classes=model.classes_)


def load_logistic(path: Path):
    from sklearn.linear_model import LogisticRegression

    a = load_arrays(path)
    model = LogisticRegression()
    model.coef_, model.intercept_, model.classes_ = a["coef"], a["intercept"], a["classes"]
    return model


def full_proba(model, X) -> np.ndarray:
    """Probabilities in label order even if a label was absent from training."""
    out = np.zeros((X.shape[0], len(LABELS)))
    out[:, model.classes_] = model.predict_proba(X)
    return out
