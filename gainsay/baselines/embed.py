"""Frozen MiniLM sentence embeddings with a logistic regression; C chosen on validation."""
from __future__ import annotations

from pathlib import Path

from gainsay.baselines.base import Baseline, full_proba, load_logistic, logistic, save_logistic, texts_labels, tune_c
from gainsay.baselines.encoder import encode


class Embed(Baseline):
    name = "embed"
    code = ("gainsay.baselines.encoder",)

    def __init__(self, settings=None, model=None):
        super().__init__(settings)
        self.model = model

    def _encode(self, texts, desc):
        return encode(texts, desc, batch=self.settings["batch"], max_length=self.settings["max_length"])

    def fit(self, train, validation):
        x_tr, y_tr = texts_labels(train)
        x_va, y_va = texts_labels(validation)
        self.model, info = tune_c(logistic(self.settings), self._encode(x_tr, "embed: train"), y_tr,
                                  self._encode(x_va, "embed: validation"), y_va, self.settings["C_grid"])
        return info

    def predict_proba(self, texts):
        return full_proba(self.model, self._encode(texts, "embed: predict"))

    def save(self, folder: Path):
        save_logistic(folder / "logistic.npz", self.model)

    @classmethod
    def load(cls, folder: Path, settings: dict):
        return cls(settings, load_logistic(folder / "logistic.npz"))
