"""Coverage-guided fuzzing (atheris) of the three parsers that take outside input: the JSONL
reader, the predictions checker and the plain-text annotation format. Not part of the tests.

    pip install atheris
    python fuzz/fuzz.py jsonl|predictions|textformat [-max_total_time=600] [corpus dirs...]

A target fails only by raising something other than the project's own error types.
"""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import atheris

with atheris.instrument_imports():
    from gainsay.corpus.io import iter_jsonl
    from gainsay.eval.inputs import read_gold, read_predictions
    from gainsay.problems import GainsayError
    from gainsay.annotate.textformat import parse

ROOT = Path(__file__).resolve().parent.parent
SCRATCH = Path(tempfile.mkdtemp(prefix="gainsay-fuzz-")) / "input.jsonl"
GOLD = read_gold(ROOT / "eval" / "predictions" / "gold.jsonl")


def jsonl(data: bytes) -> None:
    SCRATCH.write_bytes(data)
    for _ in iter_jsonl(SCRATCH):
        pass


def predictions(data: bytes) -> None:
    SCRATCH.write_bytes(data)
    try:
        read_predictions(SCRATCH, GOLD)
    except GainsayError:
        pass


def textformat(data: bytes) -> None:
    text = atheris.FuzzedDataProvider(data).ConsumeUnicodeNoSurrogates(len(data))
    parse(text, "fuzz.txt")


TARGETS = {"jsonl": jsonl, "predictions": predictions, "textformat": textformat}

if __name__ == "__main__":
    if len(sys.argv) < 2 or sys.argv[1] not in TARGETS:
        sys.exit(f"usage: fuzz.py {{{'|'.join(TARGETS)}}} [libFuzzer options]")
    target = TARGETS[sys.argv.pop(1)]
    atheris.Setup(sys.argv, target)
    atheris.Fuzz()
