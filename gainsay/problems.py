"""A problem found in an input file, in the one format every tool prints:
``path:line: field: what is wrong``."""
from __future__ import annotations

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
