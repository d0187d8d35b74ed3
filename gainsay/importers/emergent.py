"""Converting a copy of the Emergent corpus (Ferreira & Vlachos 2016) into records that
`predict` and `score` take. The project ships no Emergent text: users bring their own copy.

Emergent's stances map to Gainsay's labels: for -> claim, against -> denial,
observing -> attribution. Emergent labels an article's stance towards a claim, so the
mapping is close, not exact (see GUIDELINES.md and the README)."""
from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from gainsay.corpus.io import read_text, write_jsonl_atomic
from gainsay.problems import Problem, ProblemsFound

STANCE_TO_LABEL = {"for": "claim", "against": "denial", "observing": "attribution"}
COLUMNS = ("claimHeadline", "articleHeadline", "articleHeadlineStance", "articleId", "claimId")
_ID = re.compile(r"[^A-Za-z0-9._-]+")


def read_emergent(path: str | Path) -> list[dict]:
    name = str(path)
    text = read_text(path)
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except StopIteration:
        raise ProblemsFound([Problem(name, 1, "header", "the file is empty")])
    except csv.Error as e:  # e.g. an over-long header field: a problem like any other row's, not a traceback
        raise ProblemsFound([Problem(name, 1, "record", f"not valid CSV ({e})")])
    col = {h.strip(): i for i, h in enumerate(header)}
    missing = [c for c in COLUMNS if c not in col]
    if missing:
        raise ProblemsFound([Problem(name, 1, "header", f"missing column(s) {', '.join(missing)}; "
                                     f"expected {', '.join(COLUMNS)} (a leading index column is fine)")])
    records, problems, seen = [], [], {}
    line = reader.line_num
    try:
        for row in reader:
            start, line = line + 1, reader.line_num
            if not any(cell.strip() for cell in row):
                continue  # a blank line in a CSV holds no row
            if len(row) != len(header):
                problems.append(Problem(name, start, "row", f"has {len(row)} fields, the header has {len(header)}"))
                continue
            stance = row[col["articleHeadlineStance"]].strip().lower()
            headline = " ".join(row[col["articleHeadline"]].split())
            article = row[col["articleId"]].strip()
            if stance not in STANCE_TO_LABEL:
                problems.append(Problem(name, start, "articleHeadlineStance",
                                        f"{row[col['articleHeadlineStance']]!r} is not one of: {', '.join(STANCE_TO_LABEL)}"))
                continue
            if not headline:
                problems.append(Problem(name, start, "articleHeadline", "is empty"))
                continue
            if not _ID.sub("", article):
                problems.append(Problem(name, start, "articleId", "is empty"))
                continue
            rid = "emergent-" + _ID.sub("-", article)
            if rid in seen:
                problems.append(Problem(name, start, "articleId", f"{article!r} already at line {seen[rid]}"))
                continue
            seen[rid] = start
            records.append({"id": rid, "doc_id": rid, "position": 0, "text": headline,
                            "label": STANCE_TO_LABEL[stance], "phenomena": ["headline"]})
    except csv.Error as e:
        problems.append(Problem(name, reader.line_num, "record", f"not valid CSV ({e})"))
    if not records and not problems:
        problems.append(Problem(name, None, "file", "holds no rows"))
    if problems:
        raise ProblemsFound(problems, f"{name}: {len(problems)} problem(s); nothing was written")
    return records


def import_emergent(src: str | Path, out: str | Path) -> int:
    records = read_emergent(src)
    write_jsonl_atomic(out, records)
    return len(records)
