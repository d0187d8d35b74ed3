"""Reading and writing JSON Lines with line numbers, bounded memory, and atomic writes.

The reader never raises on bad input: each line yields either a parsed object or a Problem,
so a tool can list every problem in a file at once.
"""
from __future__ import annotations

import gc
import json
import re
import os
import stat
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterable, Iterator

from gainsay.problems import GainsayError, Problem, ProblemsFound, UsageError

MAX_LINE_BYTES = 1 << 20  # 1 MiB: far above any sentence record, far below a runaway line
BOM = b"\xef\xbb\xbf"
MAX_DEPTH = 32  # a record nests 3 levels; anything near Python's recursion limit is hostile


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not valid JSON")


def _text_depth(text: str) -> int:
    """Bracket nesting depth of JSON text, outside strings; checked before parsing so that
    hostile nesting never reaches the recursive parser or the schema validator."""
    depth = deepest = 0
    in_string = escaped = False
    for ch in text:
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        elif ch in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif ch in "]}":
            depth -= 1
    return deepest


_DECODER = json.JSONDecoder(parse_constant=_reject_constant)
_WS = re.compile(r"[ \t\n\r]*").match  # JSON's whitespace, exactly as the json module skips it
_SCAN = _DECODER.scan_once  # the C scanner: one call per line instead of decode()'s three frames


def parse_line(raw: bytes, path: str, lineno: int, last: bool) -> tuple[Any, Problem | None]:
    """Parse one line's bytes (without its newline) into a JSON object or a Problem.

    The common case, a well-formed object, costs one decode and one parse; only a line
    that fails is looked at again to say precisely what is wrong with it.
    """
    if raw.count(b"[") + raw.count(b"{") > MAX_DEPTH and _text_depth(raw.decode("utf-8", "replace")) > MAX_DEPTH:
        return None, Problem(path, lineno, "record", f"nested deeper than {MAX_DEPTH} levels")
    try:
        text = raw.decode("utf-8")
        value, end = _SCAN(text, _WS(text).end())
        if end != len(text) and _WS(text, end).end() != len(text):
            raise ValueError("extra data")
    except (UnicodeDecodeError, ValueError, RecursionError, StopIteration):
        return None, _line_problem(raw, path, lineno, last)
    if type(value) is not dict:
        return None, Problem(path, lineno, "record", f"not a JSON object (got {json_type(value)})")
    return value, None


def _line_problem(raw: bytes, path: str, lineno: int, last: bool) -> Problem:
    """What is wrong with a line that did not parse."""
    def bad(message: str) -> Problem:
        return Problem(path, lineno, "record", message)

    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        return bad(f"not valid UTF-8 (byte 0x{raw[e.start]:02x} at byte {e.start + 1})")
    if not text.strip():
        return bad("empty line (every line must hold one JSON object)")
    try:
        _DECODER.decode(text)
    except RecursionError:
        return bad(f"nested deeper than {MAX_DEPTH} levels")
    except ValueError as e:
        msg = getattr(e, "msg", str(e))
        col = getattr(e, "colno", None)
        where = f" (column {col})" if col else ""
        if last:
            return bad(f"truncated last line: not complete JSON ({msg}{where}); the file does not end with a newline")
        return bad(f"not valid JSON: {msg}{where}")
    return bad("not valid JSON")


@contextmanager
def no_cyclic_gc():
    """Pause Python's cyclic garbage collector while reading many records into memory.

    The readers keep one small object per record and make no reference cycles; with the
    collector running, each full collection rescans everything kept so far, which makes a
    million-record file take a third longer. Reference counting still frees all garbage."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


class _Unclosed:
    """Standard input as a context manager that leaves it open."""

    def __init__(self, f):
        self.f = f

    def __enter__(self):
        return self.f

    def __exit__(self, *exc):
        return False

    def __getattr__(self, name):
        return getattr(self.f, name)


def read_text(path: str | os.PathLike) -> str:
    """A whole UTF-8 text file (a byte-order mark is dropped), or a clear error naming the
    file and the line of the first byte that is not UTF-8."""
    name = str(path)
    try:
        raw = sys.stdin.buffer.read() if name == "-" else Path(path).read_bytes()
    except OSError as e:
        raise GainsayError(f"{name}: cannot be read ({e.strerror})")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = raw[: e.start].count(b"\n") + 1
        raise ProblemsFound([Problem(name, line, "file", f"not valid UTF-8 (byte 0x{raw[e.start]:02x})")])


def json_type(value: Any) -> str:
    """The JSON name of a Python value's type, for messages."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, float)):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    return "object"


def iter_jsonl(path: str | os.PathLike) -> Iterator[tuple[int, dict | None, Problem | None]]:
    """Yield (line number, object, None) or (line number, None, problem) for each line.

    Memory stays bounded: an over-long line is skipped in chunks, never held whole.
    """
    name = str(path)
    if name == "-":  # standard input, read once as a stream
        name = "<stdin>"
        f = _Unclosed(sys.stdin.buffer)
    else:
        try:
            f = open(path, "rb")
        except OSError as e:
            yield 0, None, Problem(name, None, "file", f"cannot be read ({e.strerror})")
            return
    with f:
        lineno = 0
        pending = f.readline(MAX_LINE_BYTES + 1)
        while pending:
            lineno += 1
            raw = pending
            if len(raw) > MAX_LINE_BYTES and not raw.endswith(b"\n"):
                size = len(raw)
                while raw and not raw.endswith(b"\n"):
                    raw = f.readline(MAX_LINE_BYTES)
                    size += len(raw)
                pending = f.readline(MAX_LINE_BYTES + 1)
                yield lineno, None, Problem(name, lineno, "record", f"line is {size:,} bytes, over the {MAX_LINE_BYTES:,}-byte limit")
                continue
            pending = f.readline(MAX_LINE_BYTES + 1)
            if lineno == 1 and raw.startswith(BOM):
                raw = raw[len(BOM):]  # a UTF-8 byte-order mark, as some editors write
            ends = raw.endswith(b"\n")
            body = raw.rstrip(b"\r\n") if ends else raw
            value, problem = parse_line(body, name, lineno, last=not ends and not pending)
            yield lineno, value, problem


def read_jsonl(path: str | os.PathLike) -> tuple[list[tuple[int, dict]], list[Problem]]:
    """All records of a file with their line numbers, and every problem found."""
    records, problems = [], []
    for lineno, value, problem in iter_jsonl(path):
        if problem:
            problems.append(problem)
        else:
            records.append((lineno, value))
    return records, problems


def dumps(record: dict) -> str:
    """The project's canonical JSONL line: UTF-8 text kept as is, no trailing spaces."""
    return json.dumps(record, ensure_ascii=False)


def output_target(path: str | os.PathLike) -> Path | None:
    """Where an output really goes: None for `-` (standard output), the target of a symlink
    (so the link stays a link), or the path itself."""
    if str(path) == "-":
        return None
    return Path(os.path.realpath(path))


def is_stream(target: Path) -> bool:
    """A FIFO, a device or another non-regular file that exists: written as a stream, never
    replaced (replacing /dev/stdout or a pipe with a regular file would break it)."""
    try:
        mode = target.stat().st_mode
    except OSError:
        return False
    return not stat.S_ISREG(mode) and not stat.S_ISDIR(mode)


def stage(data: bytes, folder: Path, target: Path, suffix: str = ".tmp") -> Path:
    """`data` in a new file with a unique name in `folder`, flushed to disk, with the target's
    permissions (or 0644): ready to be renamed over `target`. Removed again on failure."""
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=suffix, dir=folder)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, target.stat().st_mode & 0o777 if target.exists() else 0o644)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return Path(tmp)


def write_bytes_safely(path: str | os.PathLike, data: bytes) -> None:
    """Write a file so that readers see the old content or the new, never a half.

    `-` writes to standard output; a FIFO or device is written as a stream; a symlink is
    written through to its target. Otherwise the new content goes to a temporary file with a
    unique name in the target's folder, is flushed to disk and renamed over the target; on
    any failure the temporary file is removed and the old file is left as it was.
    """
    target = output_target(path)
    if target is None:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    if is_stream(target):
        with open(target, "wb") as f:
            f.write(data)
        return
    tmp = stage(data, target.parent, target)
    try:
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write_text_atomic(path: str | os.PathLike, text: str) -> None:
    """`write_bytes_safely` of UTF-8 text with Unix line ends."""
    write_bytes_safely(path, text.encode("utf-8"))


def write_jsonl_atomic(path: str | os.PathLike, records: Iterable[dict]) -> None:
    write_text_atomic(path, "".join(dumps(r) + "\n" for r in records))


def jsonl_files(paths: Iterable[str | os.PathLike]) -> list[Path]:
    """Expand files and folders (a folder gives its *.jsonl files, sorted)."""
    from gainsay.corpus.transaction import recover

    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            recover(p)  # a commit that a crash interrupted is completed before anyone reads
            found = sorted(p.glob("*.jsonl"))
            if not found:
                raise UsageError(f"{p}: no .jsonl files in this folder")
            out.extend(found)
        elif p.exists():
            out.append(p)
        else:
            raise UsageError(f"{p}: no such file or folder")
    return out
