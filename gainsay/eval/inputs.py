"""Reading a gold file and a predictions file for scoring, strictly: predictions are matched
to gold by id, and every missing, duplicate or unknown id and every bad line is reported."""
from __future__ import annotations

from array import array
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from gainsay.corpus.io import iter_jsonl, no_cyclic_gc
from gainsay.corpus.labels import LABEL2ID, LABELS
from gainsay.problems import Problem, ProblemsFound
from gainsay.corpus.schema import schema_problems

MAX_LISTED_MISSING = 50
_LABEL_SET = frozenset(LABELS)
_KEYS = frozenset(("id", "label"))
_KEYS_SCORES = frozenset(("id", "label", "scores"))


@dataclass
class Gold:
    """What scoring needs of the gold records, aligned by gold order, in compact arrays: memory
    grows with the number of ids and nothing else."""
    path: str
    ids: list[str]
    index: dict[str, int]
    lines: np.ndarray
    labels: np.ndarray
    headline: np.ndarray
    tag_rows: dict[str, np.ndarray]  # phenomenon tag -> rows carrying it
    origin_rows: dict[str, np.ndarray]  # origin -> rows
    portion_rows: dict[str, np.ndarray]  # portion (natural, enriched, ...) -> rows
    group_rows: dict[str, np.ndarray] = field(default_factory=dict)  # challenge group -> rows
    soft: np.ndarray | None = None  # annotators' label distribution, rows with >= 2 annotations
    soft_rows: np.ndarray | None = None


def _rows(d: dict[str, array]) -> dict[str, np.ndarray]:
    return {k: np.frombuffer(v, dtype=np.int64).copy() if len(v) else np.zeros(0, np.int64) for k, v in d.items()}


def read_gold(path: str | Path) -> Gold:
    """Gold records need an id (unique) and a label; the rest is optional for scoring."""
    with no_cyclic_gc():
        return _read_gold(path)


def _read_gold(path: str | Path) -> Gold:
    name = str(path)
    ids: list[str] = []
    index: dict[str, int] = {}
    lines, labels, head = array("q"), array("b"), array("b")
    tags: dict[str, array] = defaultdict(lambda: array("q"))
    origins: dict[str, array] = defaultdict(lambda: array("q"))
    portions: dict[str, array] = defaultdict(lambda: array("q"))
    groups: dict[str, array] = defaultdict(lambda: array("q"))
    soft, soft_rows = array("d"), array("q")
    problems: list[Problem] = []
    for lineno, rec, problem in iter_jsonl(path):
        if problem:
            problems.append(problem)
            continue
        rid, label = rec.get("id"), rec.get("label")
        if type(rid) is not str or not rid:
            problems.append(Problem(name, lineno, "id", "missing or not a non-empty string"))
            continue
        if type(label) is not str or label not in _LABEL_SET:
            problems.append(Problem(name, lineno, "label", f"{label!r} is not one of: {', '.join(LABELS)}"))
            continue
        if rid in index:
            problems.append(Problem(name, lineno, "id", f"{rid!r} appears twice in the gold file (first at line {lines[index[rid]]})"))
            continue
        row = len(ids)
        index[rid] = row
        ids.append(rid)
        lines.append(lineno)
        labels.append(LABEL2ID[label])
        head.append(rec.get("position") == 0)
        for t in rec.get("phenomena") or ():
            if type(t) is str:
                tags[t].append(row)
        origin = rec.get("origin")
        origins[origin if type(origin) is str else "unknown"].append(row)
        portion = rec.get("portion")
        if type(portion) is str:
            portions[portion].append(row)
        group = rec.get("group")
        if type(group) is str:
            groups[group].append(row)
        anns = rec.get("annotations")
        if type(anns) is list and len(anns) >= 2:
            counts = [0, 0, 0]
            for a in anns:
                if type(a) is dict and a.get("label") in LABEL2ID:
                    counts[LABEL2ID[a["label"]]] += 1
            total = sum(counts)
            if total >= 2:
                soft.extend(c / total for c in counts)
                soft_rows.append(row)
    if not ids and not problems:
        problems.append(Problem(name, None, "file", "holds no records"))
    if problems:
        raise ProblemsFound(problems, f"the gold file {name} has {len(problems)} problem(s)")
    return Gold(name, ids, index, np.frombuffer(lines, dtype=np.int64).copy(), np.frombuffer(labels, dtype=np.int8).astype(np.int64),
                np.frombuffer(head, dtype=np.int8).astype(bool), _rows(tags), _rows(origins), _rows(portions), _rows(groups),
                np.frombuffer(soft, dtype=np.float64).reshape(-1, len(LABELS)).copy() if len(soft_rows) else None,
                np.frombuffer(soft_rows, dtype=np.int64).copy() if len(soft_rows) else None)


_NUMBER = (int, float)


def _fast_read(obj: dict):
    """The prediction schema, checked by hand for speed: (id, label id, scores or None) for a
    valid line, None otherwise. Any failure is re-checked by jsonschema, which writes the
    message; a test proves the two agree on what is valid."""
    try:
        rid, label = obj["id"], obj["label"]
    except KeyError:
        return None
    if type(rid) is not str or not rid or type(label) is not str or label not in _LABEL_SET:
        return None
    n = len(obj)
    if n == 2:
        return rid, LABEL2ID[label], None
    scores = obj.get("scores")
    if n != 3 or type(scores) is not dict or len(scores) != 3:
        return None
    try:
        row = [scores["claim"], scores["denial"], scores["attribution"]]
    except KeyError:
        return None
    for v in row:
        if type(v) not in _NUMBER or not 0 <= v <= 1:
            return None
    return rid, LABEL2ID[label], row


@dataclass
class Predictions:
    path: str
    labels: np.ndarray  # aligned with gold order
    probs: np.ndarray | None


def read_predictions(path: str | Path, gold: Gold) -> Predictions:
    """Predictions aligned to gold by id. Raises ProblemsFound listing every problem."""
    with no_cyclic_gc():
        return _read_predictions(path, gold)


def _read_predictions(path: str | Path, gold: Gold) -> Predictions:
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
        parsed = _fast_read(obj)
        if parsed is None:
            found = schema_problems(obj, "prediction") or [("record", "does not match the prediction schema")]
            problems.extend(Problem(name, lineno, f, m) for f, m in found)
            if isinstance(obj.get("id"), str):
                reported.add(obj["id"])
            continue
        rid, label, row = parsed
        i = index.get(rid)
        if i is None:
            problems.append(Problem(name, lineno, "id", f"{rid!r} is not in the gold file {gold.path}"))
            continue
        if labels[i] >= 0:
            problems.append(Problem(name, lineno, "id", f"{rid!r} is predicted twice: lines {first_line[i]} and {lineno}"))
            continue
        has = row is not None
        if with_scores is None:
            with_scores = has
            if has:
                probs = np.zeros((n, len(LABELS)))
        if has != with_scores:
            problems.append(Problem(name, lineno, "scores", "present on some lines and not on others: give scores on every line or none"))
            reported.add(rid)
            continue
        if has:
            total = row[0] + row[1] + row[2]
            if abs(total - 1.0) > 1e-3:
                problems.append(Problem(name, lineno, "scores", f"probabilities sum to {total:.4g}, not 1"))
                reported.add(rid)
                continue
            probs[i] = row
        labels[i] = label
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
