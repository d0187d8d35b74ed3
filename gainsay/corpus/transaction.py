"""Changing several files of a folder as one: all of them or none, one writer at a time.

A command that rewrites corpus files (merge, stats --write, profile --write) or the published
leaderboard takes an exclusive lock on the folder (a second run waits, saying so, and gives
up with a clear message after a while). Inside the lock, `commit` stages every new file
under a unique name beside its target, flushes them, then writes a journal naming them and
renames them into place. A crash before the journal leaves the old files; a crash after it
is completed by the next command that takes the lock or reads the folder (`recover`), so no
reader ever sees some files old and some new.
"""
from __future__ import annotations

import fcntl
import json
import os
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Callable

from gainsay.corpus.io import stage
from gainsay.problems import GainsayError

JOURNAL = ".gainsay.journal"
STAGED = ".staged"
WAIT_SECONDS = 120.0


def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@contextmanager
def locked(folder: str | os.PathLike, log=None, wait: float | None = None):
    """Hold the folder's exclusive lock (flock on the folder itself: no lock file is left
    behind); finish an interrupted commit first."""
    folder = Path(folder)
    try:
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    except OSError as e:
        raise GainsayError(f"{folder}: cannot lock the folder to change it ({e.strerror})") from None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if log:
                log(f"{folder}: another gainsay command is changing this folder; waiting for it to finish")
            wait = WAIT_SECONDS if wait is None else wait
            deadline = time.monotonic() + wait
            while True:
                time.sleep(0.1)
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() > deadline:
                        raise GainsayError(f"{folder}: another gainsay command has been changing this folder for "
                                           f"{wait:.0f} s; nothing was written; try again when it has finished") from None
        _recover_locked(folder)
        yield folder
    finally:
        fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)


def _recover_locked(folder: Path) -> None:
    journal = folder / JOURNAL
    if journal.exists():
        plan = json.loads(journal.read_text(encoding="utf-8"))
        for name, staged in plan["files"].items():
            src = folder / staged
            if src.exists():  # not yet renamed when the run stopped
                os.replace(src, folder / name)
        _fsync_dir(folder)
        journal.unlink()
    for leftover in folder.glob(f".*{STAGED}"):  # staged by a run that stopped before its journal
        leftover.unlink(missing_ok=True)
    _fsync_dir(folder)


def recover(folder: str | os.PathLike) -> None:
    """Complete a commit that a crash interrupted, if there is one (cheap when there is not)."""
    folder = Path(folder)
    if (folder / JOURNAL).exists() or next(folder.glob(f".*{STAGED}"), None):
        with locked(folder):
            pass


def commit(folder: str | os.PathLike, files: dict[str, bytes], check: Callable[[dict[str, Path]], None] | None = None) -> None:
    """Replace `files` (paths relative to `folder`) together. Call with the lock held.

    `check`, when given, sees the staged files (name -> path) before anything is replaced and
    may raise to abandon the commit; the folder is then left byte for byte as it was."""
    folder = Path(folder)
    staged: dict[str, Path] = {}
    journal_tmp = None
    try:
        for name, data in files.items():
            target = folder / name
            # staged in the folder itself (a rename within one file system is atomic across its
            # subfolders), so that recovery knows where to look
            staged[name] = stage(data, folder, target, STAGED)
        if check:
            check(staged)
        plan = {"files": {name: str(path.relative_to(folder)) for name, path in staged.items()}}
        fd, journal_tmp = tempfile.mkstemp(prefix=".journal.", suffix=STAGED, dir=folder)
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(plan, f)
            f.flush()
            os.fsync(f.fileno())
        os.replace(journal_tmp, folder / JOURNAL)  # from here on the commit completes, now or at recovery
        journal_tmp = None
        _fsync_dir(folder)
    except BaseException:
        for path in [*staged.values(), *([Path(journal_tmp)] if journal_tmp else [])]:
            path.unlink(missing_ok=True)
        raise
    _recover_locked(folder)
