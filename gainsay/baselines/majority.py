"""The most frequent training label, always; its scores are the training label shares."""
from __future__ import annotations

from pathlib import Path

import numpy as np

from gainsay.corpus.labels import LABELS
from gainsay.baselines.base import Baseline, read_json, texts_labels, write_json


class Majority(Baseline):
    name = "majority"

    def __init__(self, settings=None, prior: list[float] | None = None):
        super().__init__(settings)
        self.prior = np.array(prior) if prior is not None else None

    def fit(self, train, validation):
        _, y = texts_labels(train)
        self.prior = np.bincount(y, minlength=len(LABELS)) / len(y)
        return {"label": LABELS[int(self.prior.argmax())]}

    def predict_proba(self, texts):
        return np.tile(self.prior, (len(texts), 1))

    def save(self, folder: Path):
        write_json(folder / "majority.json", {"prior": self.prior.tolist()})

    @classmethod
    def load(cls, folder: Path, settings: dict):
        return cls(settings, read_json(folder / "majority.json")["prior"])
