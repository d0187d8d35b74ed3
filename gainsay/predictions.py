"""Reading a gold file and a predictions file for scoring, strictly: predictions are matched
to gold by id, and every missing, duplicate or unknown id and every bad line is reported."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from .io import iter_jsonl
from .labels import LABEL2ID, LABELS
from .problems import Problem, ProblemsFound
from .schema import schema_problems

MAX_LISTED_MISSING = 50
_LABEL_SET = frozenset(LABELS)
_KEYS = frozenset(("id", "label"))
_KEYS_SCORES = frozenset(("id", "label", "scores"))


@dataclass
class Gold:
    """What scoring needs of the gold records, as arrays aligned by gold order."""
    path: str
    ids: list[str]
    index: dict[str, int]
    lines: list[int]
    labels: np.ndarray
    phenomena: list[list[str]]
    origin: list[str | None]
    headline: np.ndarray
    soft: np.ndarray | None = None  # annotators' label distribution, rows with >= 2 annotations
    soft_rows: np.ndarray | None = None
    groups: list[str | None] = field(default_factory=list)


def read_gold(path: str | Path) -> Gold:
    """Gold records need an id (unique) and a label; the rest is optional for scoring."""
    name = str(path)
    ids, lines, labels, phen, origin, head, groups = [], [], [], [], [], [], []
    soft, soft_rows = [], []
    index: dict[str, int] = {}
    problems: list[Problem] = []
    for lineno, rec, problem in iter_jsonl(path):
        if problem:
            problems.append(problem)
            continue
        rid, label = rec.get("id"), rec.get("label")
        if not isinstance(rid, str) or not rid:
            problems.append(Problem(name, lineno, "id", "missing or not a non-empty string"))
            continue
        if not isinstance(label, str) or label not in _LABEL_SET:
            problems.append(Problem(name, lineno, "label", f"{label!r} is not one of: {', '.join(LABELS)}"))
            continue
        if rid in index:
            problems.append(Problem(name, lineno, "id", f"{rid!r} appears twice in the gold file (first at line {lines[index[rid]]})"))
            continue
        index[rid] = len(ids)
        ids.append(rid)
        lines.append(lineno)
        labels.append(LABEL2ID[label])
        tags = rec.get("phenomena")
        phen.append(tags if isinstance(tags, list) else [])
        origin.append(rec.get("origin"))
        head.append(rec.get("position") == 0)
        groups.append(rec.get("group"))
        anns = rec.get("annotations")
        if isinstance(anns, list) and len(anns) >= 2:
            counts = np.zeros(len(LABELS))
            for a in anns:
                if isinstance(a, dict) and a.get("label") in LABEL2ID:
                    counts[LABEL2ID[a["label"]]] += 1
            if counts.sum() >= 2:
                soft.append(counts / counts.sum())
                soft_rows.append(len(ids) - 1)
    if not ids and not problems:
        problems.append(Problem(name, None, "file", "holds no records"))
    if problems:
        raise ProblemsFound(problems, f"the gold file {name} has {len(problems)} problem(s)")
    return Gold(name, ids, index, lines, np.array(labels, dtype=np.int64), phen, origin, np.array(head, dtype=bool),
                np.array(soft) if soft else None, np.array(soft_rows, dtype=np.int64) if soft_rows else None, groups)


def _fast_ok(obj: dict) -> bool:
    """The prediction schema, checked by hand for speed; any failure is re-checked by
    jsonschema, which writes the message (a test proves the two agree)."""
    keys = obj.keys()
    if keys != _KEYS and keys != _KEYS_SCORES:
        return False
    rid, label = obj["id"], obj["label"]
    if type(rid) is not str or not rid or type(label) is not str or label not in _LABEL_SET:
        return False
    if "scores" in obj:
        s = obj["scores"]
        if type(s) is not dict or s.keys() != _LABEL_SET:
            return False
        for v in s.values():
            if type(v) not in (int, float) or not 0 <= v <= 1:
                return False
    return True


@dataclass
class Predictions:
    path: str
    labels: np.ndarray  # aligned with gold order
    probs: np.ndarray | None


def read_predictions(path: str | Path, gold: Gold) -> Predictions:
    """Predictions aligned to gold by id. Raises ProblemsFound listing every problem."""
    name = str(path)
    n = len(gold.ids)
    labels = np.full(n, -1, dtype=np.int64)
    first_line = np.zeros(n, dtype=np.int64)
    probs = None
    with_scores = None  # whether the file's lines carry scores: all must agree with the first
    problems: list[Problem] = []
    reported: set[str] = set()  # ids whose line is already reported: not "missing" as well
    index = gold.index
    for lineno, obj, problem in iter_jsonl(path):
        if problem:
            problems.append(problem)
            continue
        if not _fast_ok(obj):
            found = schema_problems(obj, "prediction") or [("record", "does not match the prediction schema")]
            problems.extend(Problem(name, lineno, f, m) for f, m in found)
            if isinstance(obj.get("id"), str):
                reported.add(obj["id"])
            continue
        i = index.get(obj["id"])
        if i is None:
            problems.append(Problem(name, lineno, "id", f"{obj['id']!r} is not in the gold file {gold.path}"))
            continue
        if labels[i] >= 0:
            problems.append(Problem(name, lineno, "id", f"{obj['id']!r} is predicted twice: lines {first_line[i]} and {lineno}"))
            continue
        has = "scores" in obj
        if with_scores is None:
            with_scores = has
            if has:
                probs = np.zeros((n, len(LABELS)))
        if has != with_scores:
            problems.append(Problem(name, lineno, "scores", "present on some lines and not on others: give scores on every line or none"))
            reported.add(obj["id"])
            continue
        if has:
            s = obj["scores"]
            row = [s[l] for l in LABELS]
            total = sum(row)
            if abs(total - 1.0) > 1e-3:
                problems.append(Problem(name, lineno, "scores", f"probabilities sum to {total:.4g}, not 1"))
                reported.add(obj["id"])
                continue
            probs[i] = row
        labels[i] = LABEL2ID[obj["label"]]
        first_line[i] = lineno
    missing = [i for i in np.flatnonzero(labels < 0) if gold.ids[i] not in reported]
    if len(missing) == n and not problems and n:
        problems.append(Problem(name, None, "file", "holds no predictions"))
    elif len(missing):
        for i in missing[:MAX_LISTED_MISSING]:
            problems.append(Problem(name, None, "id", f"no prediction for {gold.ids[i]!r} ({gold.path}:{gold.lines[i]})"))
        if len(missing) > MAX_LISTED_MISSING:
            problems.append(Problem(name, None, "id", f"... and {len(missing) - MAX_LISTED_MISSING:,} more gold ids without a prediction"))
    if problems:
        raise ProblemsFound(problems, f"{name}: {len(problems)} problem(s); nothing was scored")
    return Predictions(name, labels, probs)
