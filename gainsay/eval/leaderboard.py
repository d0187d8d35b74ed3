"""The published leaderboard: LEADERBOARD.md, eval/leaderboard.json and the table in
README.md, all written from the same rows (see `report.row`)."""
from __future__ import annotations

import json
import re
from pathlib import Path

from gainsay.corpus.io import write_text_atomic
from gainsay.eval.report import leaderboard_table

START, END = "<!-- leaderboard:start -->", "<!-- leaderboard:end -->"


def read_rows(path: Path) -> list[dict]:
    """The rows already published (none when the file is absent or from an older layout)."""
    if not path.exists():
        return []
    rows = json.loads(path.read_text(encoding="utf-8")).get("rows", [])
    return [r for r in rows if isinstance(r, dict) and "scores" in r]


def merge_rows(old: list[dict], new: list[dict]) -> list[dict]:
    """The new rows replace those of the same system; every other row is kept."""
    fresh = {r["system"] for r in new}
    return [r for r in old if r["system"] not in fresh] + new


def notes(n_test: int, n_challenge: int) -> str:
    return (f"Test split: {n_test} sentences; challenge set: {n_challenge} items. Macro-F1 over the three labels "
            "with a 95% percentile bootstrap interval (1000 resamples, seeded). Group consistency: the share of "
            "minimal-pair groups in the challenge set with every item right. The human rows score each annotation "
            "pass against the adjudicated gold on the doubly annotated test items; pass 2 is the blind pass, "
            "the ceiling. The gold was settled from these passes, so both human rows lean high.")


def write(rows: list[dict], root: Path, n_test: int, n_challenge: int) -> str:
    table = leaderboard_table(rows)
    text = notes(n_test, n_challenge)
    write_text_atomic(root / "LEADERBOARD.md", f"# Gainsay leaderboard\n\n{text}\n\n{table}\n\n"
                      "Reports per system: `eval/<suite>/<system>/`. Written by `gainsay benchmark`.\n")
    write_text_atomic(root / "eval" / "leaderboard.json", json.dumps({"rows": rows, "notes": text}, indent=2) + "\n")
    readme = root / "README.md"
    old = readme.read_text(encoding="utf-8")
    if START in old and END in old:
        new = re.sub(re.escape(START) + ".*?" + re.escape(END), lambda _: f"{START}\n{table}\n{END}", old, flags=re.S)
        if new != old:
            write_text_atomic(readme, new)
    return table
