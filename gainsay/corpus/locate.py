"""Where the corpus comes from. The package may run from a checkout of the project (data/,
the dataset card and the reports beside it) or from an installed wheel, which carries the
code and the schemas but not the corpus. In that order, the data folder is:

1. $GAINSAY_DATA, a folder holding train.jsonl, validation.jsonl and test.jsonl;
2. data/ of $GAINSAY_ROOT, a checkout (tests point it at copies);
3. data/ of the checkout this package lives in (an editable install or a plain clone);
4. data/ of the current directory, when that is a checkout.
"""
from __future__ import annotations

import os
from pathlib import Path

from gainsay.problems import UsageError

CHECKOUT_MARKERS = ("data/train.jsonl", "README.md")


def _is_checkout(path: Path) -> bool:
    return all((path / m).is_file() for m in CHECKOUT_MARKERS)


def project_root(required: bool = True) -> Path | None:
    """The checkout the corpus, the dataset card and the published reports live in."""
    env = os.environ.get("GAINSAY_ROOT")
    if env:
        return Path(env)
    for candidate in (Path(__file__).resolve().parents[2], Path.cwd()):
        if _is_checkout(candidate):
            return candidate
    if required:
        raise UsageError(NOT_FOUND)
    return None


def data_dir() -> Path:
    """The corpus's data folder (see the module's docstring for the order searched)."""
    env = os.environ.get("GAINSAY_DATA")
    if env:
        path = Path(env)
        if not (path / "train.jsonl").is_file():
            raise UsageError(f"GAINSAY_DATA={env}: not a Gainsay data folder (no train.jsonl in it)")
        return path
    return project_root() / "data"


def describe() -> str:
    """One line saying where the data comes from, for messages and `gainsay --help`."""
    try:
        return f"data: {data_dir()}"
    except UsageError:
        return "data: none found (set GAINSAY_DATA or run inside a checkout)"


NOT_FOUND = ("no Gainsay corpus found: this installation carries the code and the schemas, not the data. "
             "Run inside a checkout of the project, or set GAINSAY_DATA to a folder holding "
             "train.jsonl, validation.jsonl and test.jsonl (or GAINSAY_ROOT to a checkout)")
