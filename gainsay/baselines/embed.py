"""Frozen MiniLM sentence embeddings with a logistic regression; C chosen on validation."""
from __future__ import annotations

from pathlib import Path

from .base import Baseline, full_proba, load_logistic, logistic, save_logistic, texts_labels, tune_c
from .encoder import encode


class Embed(Baseline):
    name = "embed"

    def __init__(self, model=None):
        self.model = model

    def fit(self, train, validation):
        x_tr, y_tr = texts_labels(train)
        x_va, y_va = texts_labels(validation)
        self.model, info = tune_c(logistic, encode(x_tr, "embed: train"), y_tr, encode(x_va, "embed: validation"), y_va)
        return info

    def predict_proba(self, texts):
        return full_proba(self.model, encode(texts, "embed: predict"))

    def save(self, folder: Path):
        save_logistic(folder / "logistic.npz", self.model)

    @classmethod
    def load(cls, folder: Path):
        return cls(load_logistic(folder / "logistic.npz"))
