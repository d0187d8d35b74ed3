"""Reading the corpus files of a data folder into plain records (strictly: any problem
in a file stops the reader with every problem listed)."""
from __future__ import annotations

from pathlib import Path

from gainsay.corpus.io import read_jsonl
from gainsay.corpus.splits import SPLITS
from gainsay.problems import ProblemsFound

DOC_FIELDS = ("origin", "portion", "topic", "genre")  # the same on every record of a document


def read_records(path: Path) -> list[dict]:
    rows, problems = read_jsonl(path)
    if problems:
        raise ProblemsFound(problems, f"{path}: {len(problems)} unreadable line(s)")
    return [r for _, r in rows]


def read_batch(path: Path) -> list[dict]:
    """Records of a batch, labelled or not: every schema or span problem is reported with its
    line, and nothing is returned unless all records are sound."""
    from gainsay.corpus.fastcheck import record_ok
    from gainsay.problems import Problem
    from gainsay.corpus.schema import schema_problems
    from gainsay.corpus.validate import span_problems

    rows, problems = read_jsonl(path)
    for lineno, r in rows:
        probe = r if "label" in r else {**r, "label": "claim"}  # a batch may be unlabelled
        found = [] if record_ok(probe) else schema_problems(probe)
        problems += [Problem(str(path), lineno, f, m) for f, m in found or span_problems(probe)]
    if not rows and not problems:
        problems.append(Problem(str(path), None, "file", "holds no records"))
    if problems:
        raise ProblemsFound(problems, f"{path}: {len(problems)} problem(s); nothing was written")
    return [r for _, r in rows]


def read_splits(data: str | Path, splits=SPLITS) -> dict[str, list[dict]]:
    """Records of each split present in the folder, in file order."""
    from gainsay.corpus.transaction import recover

    data = Path(data)
    recover(data)
    return {s: read_records(data / f"{s}.jsonl") for s in splits if (data / f"{s}.jsonl").exists()}


def read_challenge(data: str | Path) -> list[dict]:
    path = Path(data) / "challenge.jsonl"
    return read_records(path) if path.exists() else []
