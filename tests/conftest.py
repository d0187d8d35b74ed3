import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
DATA = ROOT / "data"


def run_cli(*args, cwd=None, env=None):
    """Run `python -m gainsay ARGS` as a user would; returns the CompletedProcess."""
    full_env = {**os.environ, **(env or {})}
    return subprocess.run([sys.executable, "-m", "gainsay", *map(str, args)], cwd=cwd or ROOT,
                          capture_output=True, text=True, env=full_env, timeout=600)


def read_jsonl(path):
    return [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture
def checkout(tmp_path):
    """A copy of the dataset card, schemas, data and published leaderboard: somewhere safe to
    edit files."""
    dst = tmp_path / "gainsay"
    dst.mkdir()
    shutil.copy(ROOT / "README.md", dst / "README.md")
    shutil.copytree(ROOT / "schema", dst / "schema")
    shutil.copytree(DATA, dst / "data")
    (dst / "eval").mkdir()
    shutil.copy(ROOT / "eval" / "leaderboard.json", dst / "eval" / "leaderboard.json")
    return dst
