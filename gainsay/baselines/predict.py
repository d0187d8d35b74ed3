"""Predicting labels for any records that have an `id` and a `text`."""
from __future__ import annotations

from pathlib import Path

from gainsay.corpus.io import iter_jsonl, write_jsonl_atomic
from gainsay.corpus.labels import LABELS
from gainsay.problems import Problem, ProblemsFound


def read_inputs(path: str | Path) -> list[dict]:
    """Records with a non-empty string id (unique) and text; labels are not needed."""
    name, out, seen, problems = str(path), [], {}, []
    for lineno, rec, problem in iter_jsonl(path):
        if problem:
            problems.append(problem)
            continue
        rid, text = rec.get("id"), rec.get("text")
        if not isinstance(rid, str) or not rid:
            problems.append(Problem(name, lineno, "id", "missing or not a non-empty string"))
        elif not isinstance(text, str) or not text.strip():
            problems.append(Problem(name, lineno, "text", "missing or blank"))
        elif rid in seen:
            problems.append(Problem(name, lineno, "id", f"{rid!r} appears twice (first at line {seen[rid]})"))
        else:
            seen[rid] = lineno
            out.append({"id": rid, "text": text})
    if not out and not problems:
        problems.append(Problem(name, None, "file", "holds no records"))
    if problems:
        raise ProblemsFound(problems, f"{name}: {len(problems)} problem(s); nothing was predicted")
    return out


def prediction_lines(records: list[dict], model) -> list[dict]:
    labels, probs = model.predict([r["text"] for r in records])
    out = []
    for i, r in enumerate(records):
        line = {"id": r["id"], "label": LABELS[int(labels[i])]}
        if probs is not None:
            row = [max(0.0, float(x)) for x in probs[i]]
            total = sum(row)
            line["scores"] = {l: round(v / total, 6) for l, v in zip(LABELS, row)}
        out.append(line)
    return out


def predict_file(model, src: str | Path, out: str | Path) -> int:
    records = read_inputs(src)
    write_jsonl_atomic(out, prediction_lines(records, model))
    return len(records)
