"""A problem found in an input file, in the one format every tool prints:
``path:line: field: what is wrong``."""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass


class GainsayError(Exception):
    """A user-facing error: the CLI prints its message and exits 1 (no traceback)."""


class UsageError(GainsayError):
    """Wrong arguments or a path that does not exist: exit 2."""


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int | None
    field: str
    message: str

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        return f"{where}: {self.field}: {self.message}"

    def as_dict(self) -> dict:
        return asdict(self)


class ProblemsFound(GainsayError):
    """Raised by a tool that refuses its input; carries every problem, not just the first."""

    def __init__(self, problems: list[Problem], summary: str | None = None):
        self.problems = problems
        super().__init__(summary or f"{len(problems)} problem(s) found")


def summarise(problems: list[Problem], what: str) -> str:
    """One closing line: how many problems, in what."""
    n = len(problems)
    return f"{n} problem{'s' if n != 1 else ''} in {what}" if n else f"ok: {what}, no problems"


SHOWN_PER_KIND = 20  # a problem repeated on many lines is shown this often, then counted
SHOWN_IN_ALL = 60  # and no more lines than this in all
_VARIABLE = re.compile(r"'[^']*'|-?\d+(?:\.\d+)?")


def kind(p: Problem) -> tuple[str, str]:
    """What makes two problems "the same": the file, the field (list indexes dropped) and
    the message with its quoted values and numbers blanked."""
    return p.path, re.sub(r"\.\d+", "", p.field), _VARIABLE.sub("#", p.message)


def capped(problems: list[Problem], limit: int = SHOWN_PER_KIND, total: int = SHOWN_IN_ALL) -> list[str]:
    """The problems as lines: each kind's first `limit` shown and the rest counted, and
    after `total` lines only a count of what is left."""
    seen: dict[tuple, int] = {}
    lines: list[str] = []
    hidden = 0
    for p in problems:
        k = kind(p)
        seen[k] = seen.get(k, 0) + 1
        if seen[k] <= limit and len(lines) < total:
            lines.append(str(p))
        else:
            hidden += 1
    if hidden:
        lines.append(f"... and {hidden} more problem(s) ({len(seen)} kinds in all); fix the ones above and run again")
    return lines


def hints(problems: list[Problem]) -> list[str]:
    """A likely cause, when the problems have a recognisable pattern."""
    out = []
    labels = [p for p in problems if p.field == "label" and "is not one of: " in p.message]
    LABELS = labels[0].message.split("is not one of: ")[1].split(", ") if labels else []  # the allowed values
    cased = [p for p in labels if p.message.startswith("'") and p.message.split("'")[1].lower() in LABELS]
    if cased and len(cased) >= len(labels) / 2:
        out.append("hint: labels are lower case: " + ", ".join(LABELS))
    numbered = [p for p in labels if re.match(r"-?\d+ is not one of", p.message)]
    if numbered and len(numbered) >= len(labels) / 2:
        out.append("hint: labels are names, not numbers: " + ", ".join(f"{i} = {l}" for i, l in enumerate(LABELS)))
    if sum(p.field.startswith("scores.") and ("greater than" in p.message or "less than" in p.message) for p in problems) >= 2:
        out.append("hint: scores are probabilities from 0 to 1 that sum to 1 (apply a softmax to logits)")
    if sum(p.message == "not a field of the schema" and p.field in ("text", "doc_id", "position") for p in problems) >= 2:
        out.append("hint: the predictions file looks like a corpus or gold file: are --gold and --pred the other way round?")
    unknown = sum("is not in the gold file" in p.message for p in problems)
    if unknown >= 10:
        out.append("hint: many ids are not in the gold file: is the gold file from another split, or the challenge set "
                   "(data/challenge.jsonl) for predictions of the test split, or the other way round?")
    return out
