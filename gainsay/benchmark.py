"""`gainsay benchmark`: validate the corpus, train and score every baseline on every
evaluation suite, and publish: predictions and reports under eval/<suite>/<system>/, each
baseline's card (baselines/<name>/README.md, its training.json), and the leaderboard."""
from __future__ import annotations

import json
import re
import tempfile
from pathlib import Path

from gainsay.baselines import get, names as baseline_names
from gainsay.baselines.cache import get_model
from gainsay.baselines.predict import predict_file
from gainsay.corpus.io import jsonl_files, write_jsonl_atomic, write_text_atomic
from gainsay.corpus.locate import project_root
from gainsay.corpus.records import read_records
from gainsay.corpus.validate import validate_files
from gainsay.eval import leaderboard
from gainsay.eval.inputs import read_gold, read_predictions
from gainsay.eval.report import pct, row, to_markdown
from gainsay.eval.score import plot_confusion, score
from gainsay.problems import ProblemsFound, UsageError

SUITES = (("test", "test.jsonl"), ("challenge", "challenge.jsonl"))  # suite -> gold file in data/


def _import_emergent(src, out, log):
    from gainsay.importers.emergent import import_emergent

    return import_emergent(src, out)


def _import_polnear(src, out, log):
    from gainsay.importers.polnear import import_polnear

    return import_polnear(src, out, skip_missing=True, log=log)  # a partial copy: named, not fatal


# Transfer suites: real news the project does not ship. name -> (importer, how a prediction
# is read there). PolNeAR annotates a source's rejection as an attribution and has no denial.
EXTERNAL = {"emergent": (_import_emergent, {}), "polnear": (_import_polnear, {"denial": "attribution"})}
CARD_START, CARD_END = "<!-- card:start -->", "<!-- card:end -->"


def _shown(path: Path, root: Path | None) -> str:
    """A path as the committed reports show it: relative to the checkout, so that the
    reports of two clones are identical."""
    try:
        return str(Path(path).resolve().relative_to(root.resolve())) if root else str(path)
    except ValueError:
        return str(path)


def score_files(gold: Path, pred: Path, folder: Path, root: Path | None = None, gold_name: str | None = None,
                pred_name: str | None = None) -> dict:
    """Score `pred` against `gold`; write report.json, report.md and confusion.png into `folder`."""
    g = read_gold(gold)
    report = score(g, read_predictions(pred, g))
    report["gold"], report["predictions"] = gold_name or _shown(gold, root), pred_name or _shown(pred, root)
    write_text_atomic(folder / "report.json", json.dumps(report, indent=2) + "\n")
    write_text_atomic(folder / "report.md", to_markdown(report))
    plot_confusion(report, folder / "confusion.png")
    return report


ANNOTATOR_PASSES = ((0, "annotators: pass 1 (authors)"), (1, "annotators: pass 2 (blind)"))
THIRD_PASS = "annotators: pass 3 (independent)"


def annotator_rows(data: Path, evaldir: Path, root: Path) -> list[dict]:
    """The annotation passes scored against the adjudicated gold: how far annotators agree,
    the ceiling a model can be expected to reach. Passes 1 and 2 settled the gold, so they
    lean high; pass 3, by annotators who took no part in writing, the first passes or the
    adjudication (eval/test/annotators-pass3/predictions.jsonl, from authoring/pass3), is the
    honest one. All passes are by AI annotators working blind from the guidelines (see the
    DATASHEET); the rows are named for that."""
    test = read_records(data / "test.jsonl")
    out = []
    with tempfile.TemporaryDirectory() as tmp:
        rows = [r for r in test if len(r.get("annotations") or []) >= 2]
        if rows:
            gold = Path(tmp) / "test.gold.jsonl"
            write_jsonl_atomic(gold, rows)
            for k, name in ANNOTATOR_PASSES:
                folder = evaldir / "test" / f"annotators-pass{k + 1}"
                folder.mkdir(parents=True, exist_ok=True)
                pred = folder / "predictions.jsonl"
                write_jsonl_atomic(pred, [{"id": r["id"], "label": r["annotations"][k]["label"]} for r in rows])
                report = score_files(gold, pred, folder, root=root,
                                     gold_name="data/test.jsonl (the items with two annotation passes)")
                out.append(row(name, {"test": report}, note=f"{report['n']} doubly annotated test items; settled the gold",
                               kind="annotators"))
        third = evaldir / "test" / "annotators-pass3" / "predictions.jsonl"
        if third.exists():
            covered = {json.loads(l)["id"] for l in third.read_text(encoding="utf-8").splitlines() if l.strip()}
            gold = Path(tmp) / "test.third.jsonl"
            write_jsonl_atomic(gold, [r for r in test if r["id"] in covered])
            share = "the whole test split" if len(covered) == len(test) else f"{len(covered)} of {len(test)} test items"
            report = score_files(gold, third, third.parent, root=root, gold_name=f"data/test.jsonl ({share})")
            out.append(row(THIRD_PASS, {"test": report}, note=f"{share}; independent of the gold", kind="annotators"))
    return out


def card_block(name: str, info: dict, reports: dict[str, dict]) -> str:
    """The generated part of a baseline's card: settings, training cost, results."""
    spec = get(name)
    lines = [CARD_START, "", "## Settings", "", f"From `baselines/{name}/config.json` (module `{spec.module}`):", "",
             "```json", json.dumps(spec.settings, indent=2), "```", "", "## Training", ""]
    tuned = {k: v for k, v in info.items() if k not in ("settings", "version", "training_seconds")}
    lines += [f"- version (hash of code and config): `{info.get('version', spec.version())}`",
              f"- training time on the benchmark machine: {info.get('training_seconds', 'n/a')} s",
              f"- chosen on validation: `{json.dumps(tuned, sort_keys=True)}`", "", "## Results", "",
              "| suite | items | macro-F1 (95% CI) | macro-F1 over the gold's labels | accuracy |",
              "|---|---:|---|---:|---:|"]
    for suite, r in reports.items():
        lo, hi = r["ci"]["macro_f1"]
        lines.append(f"| {suite} | {r['n']} | {pct(r['macro_f1'])} ({pct(lo)}–{pct(hi)}) | "
                     f"{pct(r['macro_f1_gold_labels'])} | {pct(r['accuracy'])} |")
    lines += ["", f"Full reports: `eval/<suite>/{name}/report.md` (transfer suites: `eval/transfer/<corpus>/{name}/`). "
              "Written by `gainsay benchmark`.", "", CARD_END]
    return "\n".join(lines)


def write_card(root: Path, name: str, info: dict, reports: dict[str, dict]) -> None:
    folder = root / "baselines" / name
    folder.mkdir(parents=True, exist_ok=True)
    write_text_atomic(folder / "training.json", json.dumps(info, indent=2) + "\n")
    card = folder / "README.md"
    block = card_block(name, info, reports)
    old = card.read_text(encoding="utf-8") if card.exists() else f"# Baseline: {name}\n\n{get(name).summary}\n\n"
    if CARD_START in old and CARD_END in old:
        new = re.sub(re.escape(CARD_START) + ".*?" + re.escape(CARD_END), lambda _: block, old, flags=re.S)
    else:
        new = old.rstrip("\n") + "\n\n" + block
    write_text_atomic(card, new.rstrip("\n") + "\n")


def prepare_external(external: dict[str, str], folder: Path, log=print) -> dict[str, Path]:
    """Convert each named external corpus into a gold file in `folder`; absent ones are skipped
    with a note."""
    gold = {}
    for name, src in (external or {}).items():
        if name not in EXTERNAL:
            raise UsageError(f"--external {name}=...: unknown corpus; choose from {', '.join(EXTERNAL)}")
        if not Path(src).exists():
            log(f"transfer suite {name}: {src} not found; skipped")
            continue
        out = folder / f"{name}.gold.jsonl"
        n = EXTERNAL[name][0](src, out, log)
        log(f"transfer suite {name}: {n} items from {src}")
        gold[name] = out
    return gold


def score_transfer(model, name: str, gold: Path, folder: Path, tmp: Path) -> dict:
    """Predict the external gold, read the predictions as the suite reads them, score; the
    report (numbers only) goes to `folder`, the predictions stay in `tmp`."""
    pred = tmp / f"{name}.pred.jsonl"
    predict_file(model, gold, pred)
    collapse = EXTERNAL[name][1]
    if collapse:
        lines = [json.loads(l) for l in pred.read_text(encoding="utf-8").splitlines()]
        for line in lines:
            line["label"] = collapse.get(line["label"], line["label"])
            line.pop("scores", None)  # the scores no longer match the collapsed label set
        write_jsonl_atomic(pred, lines)
    folder.mkdir(parents=True, exist_ok=True)
    return score_files(gold, pred, folder, gold_name=f"{name} (a local copy; not shipped)",
                       pred_name=f"{name} predictions (not shipped)")


SYSTEM_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")


def add_system(name: str, test_pred: Path, challenge_pred: Path | None = None, root: Path | None = None,
               log=print) -> list[dict]:
    """Score an outside system's predictions on the test split (and the challenge set), publish
    its reports under eval/<suite>/<name>/ and add its row; every other row is kept."""
    if not SYSTEM_NAME.match(name) or name in baseline_names() or name.startswith("annotators"):
        raise UsageError(f"--add {name!r}: give a new system name of letters, digits, '.', '_' or '-' "
                         "(not a baseline's name)")
    root = root or project_root()
    data, evaldir = root / "data", root / "eval"
    given = {suite: Path(pred) for suite, pred in (("test", test_pred), ("challenge", challenge_pred)) if pred}
    for suite, pred in given.items():  # every problem of every file is found before anything is written
        read_predictions(pred, read_gold(data / f"{suite}.jsonl"))
    reports = {}
    for suite, pred in given.items():
        folder = evaldir / suite / name
        folder.mkdir(parents=True, exist_ok=True)
        write_text_atomic(folder / "predictions.jsonl", pred.read_text(encoding="utf-8"))
        reports[suite] = score_files(data / f"{suite}.jsonl", folder / "predictions.jsonl", folder, root=root)
    rows = leaderboard.merge_rows(leaderboard.read_rows(evaldir / "leaderboard.json"),
                                  [row(name, reports, note="submitted predictions", kind="submitted")])
    challenge = data / "challenge.jsonl"
    log(leaderboard.write(rows, root, len(read_records(data / "test.jsonl")),
                          len(read_records(challenge)) if challenge.exists() else 0))
    return rows


def run(names=None, root: Path | None = None, retrain: bool = False, log=print,
        external: dict[str, str] | None = None) -> list[dict]:
    """Run the named baselines (default: all) and publish. Rows of systems not run are kept;
    `external` maps a transfer suite (emergent, polnear) to the user's copy of that corpus."""
    names = tuple(names or baseline_names())
    root = root or project_root()
    data, evaldir = root / "data", root / "eval"
    report = validate_files(jsonl_files([data]))
    if not report.ok:
        raise ProblemsFound(report.problems, f"the corpus has {len(report.problems)} problem(s); fix them before benchmarking")
    log(f"validated {report.records} records: no problems")
    with tempfile.TemporaryDirectory() as tmp_name:  # the converted external gold, removed on every path out
        tmp = Path(tmp_name)
        transfer = prepare_external(external, tmp, log)
        if not external:
            log("transfer suites skipped: give --external emergent=CSV --external polnear=DIR to score real news")
        rows = []
        for name in names:
            model, info = get_model(name, data, retrain=retrain, log=log)
            reports = {}
            for suite, file in SUITES:
                gold = data / file
                if not gold.exists():
                    continue
                folder = evaldir / suite / name
                folder.mkdir(parents=True, exist_ok=True)
                pred = folder / "predictions.jsonl"
                predict_file(model, gold, pred)
                reports[suite] = score_files(gold, pred, folder, root=root)
            for suite, gold in transfer.items():
                reports[f"transfer-{suite}"] = score_transfer(model, suite, gold, evaldir / "transfer" / suite / name, tmp)
            write_card(root, name, info, reports)
            rows.append(row(name, reports))
            log(f"{name}: test macro-F1 {pct(reports['test']['macro_f1'])}")
        rows += annotator_rows(data, evaldir, root)
        rows = leaderboard.merge_rows(leaderboard.read_rows(evaldir / "leaderboard.json"), rows)
        n_test = len(read_records(data / "test.jsonl"))
        challenge = data / "challenge.jsonl"
        n_ch = len(read_records(challenge)) if challenge.exists() else 0
        log(leaderboard.write(rows, root, n_test, n_ch))
    return rows
