"""Trained baselines, kept in a cache folder keyed on the training data, so a model is
trained once per corpus version and reloaded (without executing code) afterwards."""
from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from pathlib import Path

from .baselines import NAMES, get
from .corpus import read_records
from .paths import data_dir
from .problems import UsageError

BASELINE_VERSION = "1"  # bump to retrain every cached model after a change to a baseline


def models_dir() -> Path:
    base = os.environ.get("GAINSAY_CACHE") or Path.home() / ".cache" / "gainsay"
    return Path(base) / "models"


def train_key(data: Path) -> str:
    h = hashlib.sha256(BASELINE_VERSION.encode())
    for split in ("train", "validation"):
        h.update((data / f"{split}.jsonl").read_bytes())
    return h.hexdigest()[:16]


def get_model(name: str, data: str | Path | None = None, retrain: bool = False, log=print):
    """The baseline `name` trained on data/train.jsonl (tuned on validation): from the cache
    when there, else trained now and cached. Returns (model, info)."""
    if name not in NAMES:
        raise UsageError(f"unknown model {name!r}; choose one of {', '.join(NAMES)}")
    data = Path(data) if data else data_dir()
    cls = get(name)
    folder = models_dir() / name / train_key(data)
    info_path = folder / "training.json"
    if info_path.exists() and not retrain:
        from .baselines.base import read_json

        return cls.load(folder), read_json(info_path)
    log(f"training {name} on {data / 'train.jsonl'} (tuned on validation)")
    model = cls()
    info = model.fit(read_records(data / "train.jsonl"), read_records(data / "validation.jsonl"))
    folder.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{name}-", dir=folder.parent))
    try:
        model.save(tmp)
        from .baselines.base import write_json

        write_json(tmp / "training.json", info)
        if folder.exists():
            shutil.rmtree(folder)
        os.replace(tmp, folder)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return model, info
