"""Where the project's files are. The package lives in a checkout of the project; data,
schemas and the dataset card sit beside it."""
from __future__ import annotations

import os
from pathlib import Path


def project_root() -> Path:
    """The checkout holding this package, or $GAINSAY_ROOT when set (tests use copies)."""
    env = os.environ.get("GAINSAY_ROOT")
    return Path(env) if env else Path(__file__).resolve().parent.parent


def data_dir() -> Path:
    return project_root() / "data"


SPLITS = ("train", "validation", "test")
