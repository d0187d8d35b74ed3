"""Loading the corpus through Hugging Face `datasets`, from the checkout's dataset card.

`datasets` keys its cache on the card and the file patterns, not on the files' bytes, so
after a data file changes a plain `load_dataset(dir)` can return the old rows. `load()`
therefore keys its own cache folder on a hash of the card and every data file.
"""
from __future__ import annotations

import hashlib
import os
from pathlib import Path

from gainsay.corpus.locate import project_root

CONFIGS = ("default", "challenge")


def default_cache_dir() -> Path:
    base = os.environ.get("GAINSAY_CACHE") or Path.home() / ".cache" / "gainsay"
    return Path(base) / "datasets"


def fingerprint(root: Path) -> str:
    """A hash of the dataset card and every data file's name and bytes."""
    h = hashlib.sha256()
    for path in [root / "README.md", *sorted((root / "data").glob("*.jsonl"))]:
        h.update(path.name.encode() + b"\0")
        with open(path, "rb") as f:
            for block in iter(lambda: f.read(1 << 20), b""):
                h.update(block)
        h.update(b"\0")
    return h.hexdigest()


def load(config: str = "default", *, root: str | os.PathLike | None = None,
         cache_dir: str | os.PathLike | None = None, split: str | None = None):
    """The corpus as a `datasets.DatasetDict` (or one `Dataset` with `split=`).

    config: "default" (train / validation / test) or "challenge" (the minimal-pair set).
    root: a checkout of the project (default: the one this package lives in).
    cache_dir: where to keep the Arrow cache; a subfolder per data fingerprint is used, so
    rows are never stale after a data file changes.
    """
    import sys

    import datasets

    if not sys.stderr.isatty():  # progress bars only on a terminal, never thousands of lines in a log
        datasets.utils.logging.disable_progress_bar()
    if config not in CONFIGS:
        raise ValueError(f"unknown config {config!r}; choose one of {', '.join(CONFIGS)}")
    root = Path(root) if root else project_root()
    cache = Path(cache_dir) if cache_dir else default_cache_dir()
    return datasets.load_dataset(str(root), config, split=split,
                                 cache_dir=str(cache / fingerprint(root)[:16]))
