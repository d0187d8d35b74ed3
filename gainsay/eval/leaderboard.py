"""The published leaderboard: LEADERBOARD.md, eval/leaderboard.json and the table in
README.md, all written from the same rows (see `report.row`)."""
from __future__ import annotations

import json
import re
from pathlib import Path

from gainsay.eval.report import TRANSFER_COLUMNS, leaderboard_table

START, END = "<!-- leaderboard:start -->", "<!-- leaderboard:end -->"
TRANSFER_START, TRANSFER_END = "<!-- transfer:start -->", "<!-- transfer:end -->"


def read_rows(path: Path) -> list[dict]:
    """The rows already published (none when the file is absent or from an older layout)."""
    if not path.exists():
        return []
    rows = json.loads(path.read_text(encoding="utf-8")).get("rows", [])
    return [r for r in rows if isinstance(r, dict) and "scores" in r]


def merge_rows(old: list[dict], new: list[dict]) -> list[dict]:
    """The new rows replace those of the same system, keeping the scores of suites this run
    did not score (a run without the external corpora keeps the published transfer scores);
    every other system's row is kept."""
    previous = {r["system"]: r for r in old}
    merged = []
    for r in new:
        before = previous.get(r["system"])
        if before:
            kept = {k: v for k, v in before["scores"].items() if k not in r["scores"]}
            kept_ci = {k: v for k, v in before.get("ci", {}).items() if k not in r["scores"]}
            r = {**r, "scores": {**kept, **r["scores"]}, "ci": {**kept_ci, **r["ci"]}}
        merged.append(r)
    fresh = {r["system"] for r in new}
    return [r for r in old if r["system"] not in fresh] + merged


def transfer_table(rows: list[dict]) -> str | None:
    scored = [r for r in rows if any(c.suite in r["scores"] for c in TRANSFER_COLUMNS)]
    return leaderboard_table(scored, TRANSFER_COLUMNS) if scored else None


TRANSFER_NOTE = ("Real news the project does not ship, scored with models trained on Gainsay only: Emergent's "
                 "524 test headlines (stances for / against / observing read as claim / denial / attribution) and "
                 "PolNeAR's test split (CoreNLP sentences, attribution where a sentence overlaps an attribution's cue "
                 "or content, else claim; a predicted denial counts as attribution there, since PolNeAR annotates a "
                 "source's rejection as an attribution). Bring your own copies: `gainsay benchmark --external "
                 "emergent=CSV --external polnear=DIR`.")


def _replace_block(text: str, start: str, end: str, body: str) -> str:
    return re.sub(re.escape(start) + ".*?" + re.escape(end), lambda _: f"{start}\n{body}\n{end}", text, flags=re.S)


def notes(n_test: int, n_challenge: int) -> str:
    return (f"Test split: {n_test} sentences; challenge set: {n_challenge} items. Macro-F1 over the three labels "
            "with a 95% percentile bootstrap interval (1000 resamples, seeded). Group consistency: the share of "
            "minimal-pair groups in the challenge set with every item right. The annotators' rows score each "
            "annotation pass against the adjudicated gold. Passes 1 (the authors) and 2 (blind) settled the gold, so "
            "they lean high; pass 3 is by annotators who took no part in the text, the first passes or the "
            "adjudication: the honest ceiling. Every pass is by AI annotators working from the guidelines alone "
            "(DATASHEET.md).")


def write(rows: list[dict], root: Path, n_test: int, n_challenge: int) -> str:
    """LEADERBOARD.md, eval/leaderboard.json and the README's tables, written together (all
    or none) under the checkout's lock."""
    from gainsay.corpus.transaction import commit, locked

    table = leaderboard_table(rows)
    transfer = transfer_table(rows)
    text = notes(n_test, n_challenge)
    board = f"# Gainsay leaderboard\n\n{text}\n\n{table}\n\n"
    if transfer:
        board += f"## Transfer to real news\n\n{TRANSFER_NOTE}\n\n{transfer}\n\n"
    board += "Reports per system: `eval/<suite>/<system>/`. Written by `gainsay benchmark`.\n"
    files = {"LEADERBOARD.md": board, "eval/leaderboard.json": json.dumps({"rows": rows, "notes": text}, indent=2) + "\n"}
    (root / "eval").mkdir(exist_ok=True)
    with locked(root):
        readme = root / "README.md"
        old = readme.read_text(encoding="utf-8")
        new = old
        if START in new and END in new:
            new = _replace_block(new, START, END, table)
        if transfer and TRANSFER_START in new and TRANSFER_END in new:
            new = _replace_block(new, TRANSFER_START, TRANSFER_END, transfer)
        if new != old:
            files["README.md"] = new
        commit(root, {name: text.encode("utf-8") for name, text in files.items()})
    return table
