"""Trained baselines, kept in a cache folder keyed on the baseline's version (its code and its
config, see `Spec.version`) and on the training data, so a model is trained once per
(code, settings, corpus) and reloaded, without executing code, afterwards."""
from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
import time
from pathlib import Path

from gainsay.baselines import get
from gainsay.baselines.base import read_json, write_json
from gainsay.corpus.locate import data_dir
from gainsay.corpus.records import read_records


def models_dir() -> Path:
    base = os.environ.get("GAINSAY_CACHE") or Path.home() / ".cache" / "gainsay"
    return Path(base) / "models"


def data_key(data: Path) -> str:
    h = hashlib.sha256()
    for split in ("train", "validation"):
        h.update((data / f"{split}.jsonl").read_bytes())
    return h.hexdigest()[:16]


def cache_folder(name: str, data: Path) -> Path:
    return models_dir() / name / f"{get(name).version()}-{data_key(data)}"


def get_model(name: str, data: str | Path | None = None, retrain: bool = False, log=print):
    """The baseline `name` trained on data/train.jsonl (tuned on validation): from the cache
    when there, else trained now and cached. Returns (model, info)."""
    spec = get(name)
    if not spec.load_class().trains:  # a fixed model: needs neither data nor a cache
        model = spec.build()
        return model, {"settings": spec.settings, "version": spec.version(), **model.fit([], [])}
    data = Path(data) if data else data_dir()
    folder = cache_folder(name, data)
    info_path = folder / "training.json"
    if info_path.exists() and not retrain:
        return spec.load_class().load(folder, spec.settings), read_json(info_path)
    log(f"training {name} on {data / 'train.jsonl'} (tuned on validation)")
    model = spec.build()
    start = time.perf_counter()
    info = model.fit(read_records(data / "train.jsonl"), read_records(data / "validation.jsonl"))
    info = {"settings": spec.settings, "version": spec.version(), **info,
            "training_seconds": round(time.perf_counter() - start, 1)}
    folder.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{name}-", dir=folder.parent))
    try:
        model.save(tmp)
        write_json(tmp / "training.json", info)
        if folder.exists():
            shutil.rmtree(folder)
        os.replace(tmp, folder)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return model, info
