"""`gainsay benchmark`: validate the corpus, train and score every baseline, and write the
predictions, reports and the leaderboard (LEADERBOARD.md, results/leaderboard.json, and
the table in README.md)."""
from __future__ import annotations

import json
import re
import tempfile
from pathlib import Path

from .baselines import NAMES
from .corpus import read_records
from .io import jsonl_files, write_jsonl_atomic, write_text_atomic
from .models import get_model
from .paths import project_root
from .predict import predict_file
from .predictions import read_gold, read_predictions
from .problems import ProblemsFound
from .score import plot_confusion, score, to_markdown
from .validate import validate_files

START, END = "<!-- leaderboard:start -->", "<!-- leaderboard:end -->"


def _shown(path: Path, root: Path | None) -> str:
    """A path as the committed reports show it: relative to the checkout, so that the
    reports of two clones are identical."""
    try:
        return str(Path(path).resolve().relative_to(root.resolve())) if root else str(path)
    except ValueError:
        return str(path)


def score_files(gold: Path, pred: Path, out_stem: Path, root: Path | None = None, gold_name: str | None = None) -> dict:
    g = read_gold(gold)
    report = score(g, read_predictions(pred, g))
    report["gold"], report["predictions"] = gold_name or _shown(gold, root), _shown(pred, root)
    write_text_atomic(out_stem.with_suffix(".report.json"), json.dumps(report, indent=2) + "\n")
    write_text_atomic(out_stem.with_suffix(".report.md"), to_markdown(report))
    plot_confusion(report, out_stem.with_suffix(".confusion.png"))
    return report


def human_rows(data: Path, results: Path) -> list[tuple[str, dict]]:
    """Each annotation pass scored against the adjudicated gold, on the test items with two
    passes: how far people agree, the ceiling a model can be expected to reach. The gold was
    settled from these same passes, so both figures lean high; pass 2 (the blind pass) is
    the ceiling the leaderboard reports."""
    rows = [r for r in read_records(data / "test.jsonl") if len(r.get("annotations") or []) >= 2]
    if not rows:
        return []
    out = []
    with tempfile.TemporaryDirectory() as tmp:
        gold = Path(tmp) / "test.gold.jsonl"
        write_jsonl_atomic(gold, rows)
        for k, name in ((1, "human (pass 2)"), (0, "human (pass 1, author)")):
            folder = results / f"human-pass{k + 1}"
            folder.mkdir(parents=True, exist_ok=True)
            pred = folder / "test.predictions.jsonl"
            write_jsonl_atomic(pred, [{"id": r["id"], "label": r["annotations"][k]["label"]} for r in rows])
            out.append((name, score_files(gold, pred, folder / "test", root=results.parent,
                                          gold_name="data/test.jsonl (the items with two annotation passes)")))
    return out


def row(name: str, test: dict, challenge: dict | None, note: str = "") -> dict:
    return {"system": name, "note": note, "n_test": test["n"],
            "macro_f1": test["macro_f1"], "macro_f1_ci": test["ci"]["macro_f1"], "accuracy": test["accuracy"],
            "f1": {l: m["f1"] for l, m in test["per_label"].items()},
            "challenge_accuracy": challenge["accuracy"] if challenge else None,
            "group_consistency": challenge["groups"]["consistency"] if challenge and "groups" in challenge else None}


def _p(x) -> str:
    return "–" if x is None else f"{100 * x:.1f}"


def leaderboard_table(rows: list[dict]) -> str:
    head = ("| system | macro-F1 (95% CI) | accuracy | F1 claim | F1 denial | F1 attribution "
            "| challenge accuracy | group consistency |\n|---|---|---:|---:|---:|---:|---:|---:|")
    lines = [head]
    for r in sorted(rows, key=lambda r: (not r["system"].startswith("human"), -r["macro_f1"])):
        lo, hi = r["macro_f1_ci"]
        lines.append(f"| {r['system']} | **{_p(r['macro_f1'])}** ({_p(lo)}–{_p(hi)}) | {_p(r['accuracy'])} | "
                     f"{_p(r['f1']['claim'])} | {_p(r['f1']['denial'])} | {_p(r['f1']['attribution'])} | "
                     f"{_p(r['challenge_accuracy'])} | {_p(r['group_consistency'])} |")
    return "\n".join(lines)


def write_leaderboard(rows: list[dict], root: Path, results: Path, n_test: int, n_challenge: int) -> str:
    table = leaderboard_table(rows)
    notes = (f"Test split: {n_test} sentences; challenge set: {n_challenge} items. Macro-F1 over the three labels "
             "with a 95% percentile bootstrap interval (1000 resamples, seeded). Group consistency: the share of "
             "minimal-pair groups in the challenge set with every item right. The human rows score each annotation "
             "pass against the adjudicated gold on the doubly annotated test items; pass 2 is the blind pass, "
             "the ceiling. The gold was settled from these passes, so both human rows lean high.")
    write_text_atomic(root / "LEADERBOARD.md", f"# Gainsay leaderboard\n\n{notes}\n\n{table}\n\n"
                      "Reports per system: `results/<system>/`. Written by `gainsay benchmark`.\n")
    write_text_atomic(results / "leaderboard.json", json.dumps({"rows": rows, "notes": notes}, indent=2) + "\n")
    readme = root / "README.md"
    text = readme.read_text(encoding="utf-8")
    if START in text and END in text:
        new = re.sub(re.escape(START) + ".*?" + re.escape(END), lambda _: f"{START}\n{table}\n{END}", text, flags=re.S)
        if new != text:
            write_text_atomic(readme, new)
    return table


def run(names=NAMES, root: Path | None = None, results: Path | None = None, retrain: bool = False, log=print) -> list[dict]:
    root = root or project_root()
    data = root / "data"
    results = results or root / "results"
    report = validate_files(jsonl_files([data]))
    if not report.ok:
        raise ProblemsFound(report.problems, f"the corpus has {len(report.problems)} problem(s); fix them before benchmarking")
    log(f"validated {report.records} records: no problems")
    rows = []
    challenge_path = data / "challenge.jsonl"
    for name in names:
        model, info = get_model(name, data, retrain=retrain, log=log)
        folder = results / name
        folder.mkdir(parents=True, exist_ok=True)
        write_text_atomic(folder / "training.json", json.dumps(info, indent=2) + "\n")
        out = {}
        for split, gold in (("test", data / "test.jsonl"), ("challenge", challenge_path)):
            if not gold.exists():
                continue
            pred = folder / f"{split}.predictions.jsonl"
            predict_file(model, gold, pred)
            out[split] = score_files(gold, pred, folder / split, root=root)
        rows.append(row(name, out["test"], out.get("challenge")))
        log(f"{name}: test macro-F1 {_p(out['test']['macro_f1'])}")
    for name, report in human_rows(data, results):
        rows.append(row(name, report, None, note=f"{report['n']} doubly annotated test items"))
    n_test = len(read_records(data / "test.jsonl"))
    n_ch = len(read_records(challenge_path)) if challenge_path.exists() else 0
    log(write_leaderboard(rows, root, results, n_test, n_ch))
    return rows
