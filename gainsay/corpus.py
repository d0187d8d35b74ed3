"""Reading the corpus files of a data folder into plain records (strictly: any problem
in a file stops the reader with every problem listed)."""
from __future__ import annotations

from pathlib import Path

from .io import read_jsonl
from .paths import SPLITS
from .problems import ProblemsFound


def read_records(path: Path) -> list[dict]:
    rows, problems = read_jsonl(path)
    if problems:
        raise ProblemsFound(problems, f"{path}: {len(problems)} unreadable line(s)")
    return [r for _, r in rows]


def read_splits(data: str | Path, splits=SPLITS) -> dict[str, list[dict]]:
    """Records of each split present in the folder, in file order."""
    data = Path(data)
    return {s: read_records(data / f"{s}.jsonl") for s in splits if (data / f"{s}.jsonl").exists()}


def read_challenge(data: str | Path) -> list[dict]:
    path = Path(data) / "challenge.jsonl"
    return read_records(path) if path.exists() else []
