"""What the verbs share: exit codes, argparse without tracebacks, output-folder checks."""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from gainsay.problems import UsageError

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2


class Parser(argparse.ArgumentParser):
    def error(self, message: str):  # argparse's own usage errors: exit 2, no traceback
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def check_paths(inputs=(), outputs=()) -> None:
    """Before any work: every input exists, every output can be written, and no output is
    also an input (which would overwrite it). `-` stands for standard input or output."""
    real_inputs = {}
    for p in inputs:
        if p is None or str(p) == "-":
            continue
        if not Path(p).exists():
            raise UsageError(f"{p}: no such file or folder")
        real_inputs[os.path.realpath(p)] = p
    for out in outputs:
        if out is None or str(out) == "-":
            continue
        target = Path(os.path.realpath(out))
        if str(target) in real_inputs:
            raise UsageError(f"{out}: is also an input ({real_inputs[str(target)]}); write the output elsewhere")
        if target.is_dir():
            raise UsageError(f"{out}: is a folder; give a file name to write")
        if not target.parent.is_dir():
            raise UsageError(f"{out}: the folder to write into does not exist")
        if not target.exists() and not os.access(target.parent, os.W_OK):
            raise UsageError(f"{out}: the folder {target.parent} is not writable")
        if target.exists() and not os.access(target, os.W_OK):
            raise UsageError(f"{out}: the file is not writable")


def wrote(out, produce, what: str = "records", inputs=()) -> int:
    """Check the paths, write with `produce()` (which returns a count), say so."""
    check_paths(inputs, [out])
    n = produce()
    print(f"wrote {n} {what} to {'standard output' if str(out) == '-' else out}", file=sys.stderr)
    return EXIT_OK


def data_arg(p, what: str = "the data folder") -> None:
    p.add_argument("--data", help=f"{what} (default: $GAINSAY_DATA, else the checkout's data/)")


def data_path(value: str | None) -> Path:
    from gainsay.corpus.locate import data_dir

    return Path(value) if value else data_dir()
