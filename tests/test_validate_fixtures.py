"""One fixture per failure mode of `gainsay validate`, each with its exact expected output."""
import json
import re

import pytest

from conftest import FIXTURES, run_cli

CASES = FIXTURES / "validate"
FAILURES = sorted(p.stem for p in CASES.glob("*.expected"))


def test_every_fixture_has_its_expected_output():
    inputs = {p.stem for p in CASES.glob("*.jsonl")} | {p.name for p in CASES.iterdir() if p.is_dir()}
    assert inputs - {"valid"} == set(FAILURES)
    assert len(FAILURES) >= 20


def test_valid_fixture_passes():
    r = run_cli("validate", "valid.jsonl", cwd=CASES)
    assert r.returncode == 0, r.stdout + r.stderr
    assert r.stdout.strip() == "ok: 4 records in 1 file, no problems"


@pytest.mark.parametrize("case", FAILURES)
def test_failure_mode(case):
    target = case if (CASES / case).is_dir() else f"{case}.jsonl"
    r = run_cli("validate", target, cwd=CASES)
    assert r.returncode == 1
    assert "Traceback" not in r.stderr
    assert r.stdout == (CASES / f"{case}.expected").read_text(encoding="utf-8")
    assert re.fullmatch(r"\d+ problems? in \d+ records in \d+ files?\n", r.stderr)


def test_json_format_lists_the_same_problems():
    r = run_cli("validate", "--format", "json", "bad_label.jsonl", cwd=CASES)
    assert r.returncode == 1
    report = json.loads(r.stdout)
    assert report["ok"] is False and report["records"] == 4
    assert report["problems"] == [{"path": "bad_label.jsonl", "line": 3, "field": "label",
                                   "message": "'Maybe' is not one of: claim, denial, attribution"}]


def test_twenty_megabyte_line(tmp_path):
    big = tmp_path / "big.jsonl"
    valid = (CASES / "valid.jsonl").read_bytes()
    big.write_bytes(valid + b'{"id": "x", "text": "' + b"a" * 20_000_000 + b'"}\n')
    r = run_cli("validate", big)
    assert r.returncode == 1
    assert r.stdout == f"{big}:5: record: line is 20,000,024 bytes, over the 1,048,576-byte limit\n"


def test_usage_errors_exit_2(tmp_path):
    assert run_cli("validate").returncode == 2
    r = run_cli("validate", tmp_path / "nowhere.jsonl")
    assert r.returncode == 2 and "no such file or folder" in r.stderr and "Traceback" not in r.stderr
    r = run_cli("validate", tmp_path)
    assert r.returncode == 2 and "no .jsonl files" in r.stderr
    assert run_cli("validate", "--format", "xml", CASES / "valid.jsonl").returncode == 2
