"""What the verbs share: exit codes, argparse without tracebacks, output-folder checks."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from gainsay.problems import UsageError

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2


class Parser(argparse.ArgumentParser):
    def error(self, message: str):  # argparse's own usage errors: exit 2, no traceback
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def out_dir_ok(*paths) -> None:
    for p in paths:
        if p and not Path(p).resolve().parent.is_dir():
            raise UsageError(f"{p}: the folder to write into does not exist")


def wrote(out, produce, what: str = "records") -> int:
    """Check the folder to write into, write with `produce()` (which returns a count), say so."""
    out_dir_ok(out)
    n = produce()
    print(f"wrote {n} {what} to {out}", file=sys.stderr)
    return EXIT_OK


def data_arg(p, what: str = "the data folder") -> None:
    p.add_argument("--data", help=f"{what} (default: $GAINSAY_DATA, else the checkout's data/)")


def data_path(value: str | None) -> Path:
    from gainsay.corpus.locate import data_dir

    return Path(value) if value else data_dir()
