"""The verbs of `gainsay`, each declared once: its name, its group, its help, the function
that adds its arguments and the handler that runs it, side by side in one module per group
(data, benchmark, contribute)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

GROUPS = (("data", "the corpus"), ("benchmark", "models and scores"), ("contribute", "annotating and adding documents"))


@dataclass(frozen=True)
class Verb:
    name: str
    group: str
    help: str
    arguments: Callable  # (argparse parser) -> None
    run: Callable  # (argparse namespace) -> exit code


VERBS: dict[str, Verb] = {}


def verb(name: str, group: str, help: str, arguments: Callable):
    """Register the decorated handler as `gainsay <name>`."""
    assert group in dict(GROUPS), group

    def register(run):
        VERBS[name] = Verb(name, group, help, arguments, run)
        return run

    return register
