"""The scoring harness: strict checking, exact metrics, and agreement with scikit-learn."""
import json
import random

import numpy as np
import pytest
from sklearn.metrics import accuracy_score, f1_score, log_loss, precision_recall_fscore_support

from conftest import DATA, FIXTURES, ROOT, read_jsonl, run_cli
from gainsay.eval import metrics
from gainsay.eval.compare import compare
from gainsay.corpus.labels import LABELS
from gainsay.eval.inputs import read_gold, read_predictions
from gainsay.eval.score import score

EVAL = FIXTURES / "predictions"
CASES = sorted(p.stem for p in EVAL.glob("*.expected"))


def write(path, rows):
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_there_is_a_fixture_per_failure_mode():
    assert {"missing_id", "duplicate_id", "unknown_id", "bad_label", "malformed_line"} <= set(CASES)


@pytest.mark.parametrize("case", CASES)
def test_predictions_checker_fixture(case):
    r = run_cli("score", "--gold", "gold.jsonl", "--pred", f"{case}.jsonl", cwd=EVAL)
    assert r.returncode == 1
    assert "Traceback" not in r.stderr
    lines = [l for l in r.stderr.splitlines() if not l.startswith("gainsay score:")]
    assert lines == (EVAL / f"{case}.expected").read_text(encoding="utf-8").splitlines()
    assert r.stdout == ""


def test_hand_computed_case(tmp_path):
    out = tmp_path / "r.json"
    r = run_cli("score", "--gold", "gold.jsonl", "--pred", "valid.jsonl", "--json", out, cwd=EVAL)
    assert r.returncode == 0, r.stderr
    rep = json.loads(out.read_text())
    assert set(rep) >= {"n", "accuracy", "macro_f1", "per_label", "confusion_matrix", "ci", "breakdowns"}
    assert rep["n"] == 6
    assert rep["accuracy"] == pytest.approx(4 / 6)
    assert rep["per_label"]["claim"] == pytest.approx({"precision": 2 / 3, "recall": 1.0, "f1": 0.8, "support": 2})
    assert rep["per_label"]["denial"] == pytest.approx({"precision": 1.0, "recall": 0.5, "f1": 2 / 3, "support": 2})
    assert rep["per_label"]["attribution"] == pytest.approx({"precision": 0.5, "recall": 0.5, "f1": 0.5, "support": 2})
    assert rep["macro_f1"] == pytest.approx((0.8 + 2 / 3 + 0.5) / 3)
    assert rep["confusion_matrix"]["matrix"] == [[2, 0, 0], [0, 1, 1], [1, 0, 1]]
    assert rep["breakdowns"]["origin"]["authored"] == {"n": 3, "accuracy": 1.0, "macro_f1": 1.0}
    assert rep["breakdowns"]["origin"]["contributed"]["accuracy"] == pytest.approx(1 / 3)
    assert rep["breakdowns"]["position"]["headline"]["n"] == 1
    # two annotations per gold item: the prediction matches a random annotator with this chance
    assert rep["annotator_distribution"]["soft_accuracy"] == pytest.approx((1 + 1 + 1 + 0.5 + 0 + 1) / 6)


def test_oracle_gold_scores_one_everywhere(tmp_path):
    gold_path = DATA / "test.jsonl"
    rows = read_jsonl(gold_path)
    pred = write(tmp_path / "oracle.jsonl", [{"id": r["id"], "label": r["label"]} for r in rows])
    g = read_gold(gold_path)
    rep = score(g, read_predictions(pred, g))
    assert rep["accuracy"] == 1.0 and rep["macro_f1"] == 1.0
    assert all(m["f1"] == 1.0 and m["precision"] == 1.0 and m["recall"] == 1.0 for m in rep["per_label"].values())
    assert rep["ci"]["accuracy"] == [1.0, 1.0] and rep["ci"]["macro_f1"] == [1.0, 1.0]
    for part in rep["breakdowns"].values():
        assert all(m["accuracy"] == 1.0 and m["macro_f1"] == 1.0 for m in part.values())


def noisy(rows, rate, seed):
    rng = random.Random(seed)
    out = [{"id": r["id"], "label": r["label"] if rng.random() > rate else rng.choice(LABELS)} for r in rows]
    rng.shuffle(out)
    return out


def test_agrees_with_sklearn_on_shuffled_noisy_predictions(tmp_path):
    rows = read_jsonl(DATA / "test.jsonl")
    preds = noisy(rows, 0.35, 7)
    g = read_gold(DATA / "test.jsonl")
    rep = score(g, read_predictions(write(tmp_path / "p.jsonl", preds), g))
    by_id = {p["id"]: p["label"] for p in preds}
    y = [r["label"] for r in rows]
    yhat = [by_id[r["id"]] for r in rows]
    assert rep["accuracy"] == pytest.approx(accuracy_score(y, yhat))
    assert rep["macro_f1"] == pytest.approx(f1_score(y, yhat, average="macro", labels=list(LABELS)))
    p, r, f, s = precision_recall_fscore_support(y, yhat, labels=list(LABELS))
    for i, l in enumerate(LABELS):
        assert rep["per_label"][l]["f1"] == pytest.approx(f[i])
        assert rep["per_label"][l]["support"] == s[i]
    lo, hi = rep["ci"]["macro_f1"]
    assert lo < rep["macro_f1"] < hi


def test_order_of_prediction_lines_does_not_matter(tmp_path):
    rows = read_jsonl(DATA / "test.jsonl")
    preds = noisy(rows, 0.3, 3)
    g = read_gold(DATA / "test.jsonl")
    a = score(g, read_predictions(write(tmp_path / "a.jsonl", preds), g))
    b = score(g, read_predictions(write(tmp_path / "b.jsonl", list(reversed(preds))), g))
    for key in ("accuracy", "macro_f1", "per_label", "confusion_matrix", "ci", "breakdowns"):
        assert a[key] == b[key]


def test_from_confusions_matches_sklearn():
    rng = np.random.default_rng(0)
    for _ in range(20):
        y, p = rng.integers(0, 3, 200), rng.integers(0, 3, 200)
        acc, f1 = metrics.from_confusions(metrics.confusion(y, p))
        assert acc == pytest.approx(accuracy_score(y, p))
        assert f1 == pytest.approx(f1_score(y, p, average="macro", labels=[0, 1, 2], zero_division=0))


def test_multinomial_bootstrap_matches_item_bootstrap():
    rng = np.random.default_rng(1)
    y = rng.integers(0, 3, 400)
    p = np.where(rng.random(400) < 0.7, y, rng.integers(0, 3, 400))
    ci = metrics.bootstrap_ci(metrics.confusion(y, p), resamples=4000)
    items = []
    for _ in range(4000):
        idx = rng.integers(0, 400, 400)
        items.append(f1_score(y[idx], p[idx], average="macro", labels=[0, 1, 2], zero_division=0))
    lo, hi = np.percentile(items, [2.5, 97.5])
    assert ci["macro_f1"][0] == pytest.approx(lo, abs=0.01)
    assert ci["macro_f1"][1] == pytest.approx(hi, abs=0.01)
    assert ci == metrics.bootstrap_ci(metrics.confusion(y, p), resamples=4000)  # seeded


def test_probabilistic_metrics():
    rng = np.random.default_rng(2)
    y = rng.integers(0, 3, 300)
    probs = rng.dirichlet([1, 1, 1], 300)
    assert metrics.log_loss(y, probs) == pytest.approx(log_loss(y, probs, labels=[0, 1, 2]))
    perfect = np.eye(3)[y]
    assert metrics.expected_calibration_error(y, perfect) == 0.0
    # always 60% confident, right half the time: ECE 0.1
    half = np.tile([0.6, 0.2, 0.2], (300, 1))
    y_half = np.array([0, 1] * 150)
    assert metrics.expected_calibration_error(y_half, half) == pytest.approx(0.1)
    soft = np.array([[0.5, 0.5, 0.0]])
    assert metrics.soft_cross_entropy(soft, np.array([[0.5, 0.25, 0.25]])) == pytest.approx(-(0.5 * np.log(0.5) + 0.5 * np.log(0.25)))


def test_scores_give_log_loss_and_calibration(tmp_path):
    rows = read_jsonl(DATA / "test.jsonl")
    preds = []
    for r in rows:
        s = {l: 0.1 for l in LABELS}
        s[r["label"]] = 0.8
        preds.append({"id": r["id"], "label": r["label"], "scores": s})
    g = read_gold(DATA / "test.jsonl")
    rep = score(g, read_predictions(write(tmp_path / "s.jsonl", preds), g))
    assert rep["probabilistic"]["log_loss"] == pytest.approx(-np.log(0.8))
    assert rep["probabilistic"]["ece"] == pytest.approx(0.2)
    assert "cross_entropy" in rep["annotator_distribution"]


def test_compare_paired_test():
    rng = np.random.default_rng(3)
    y = rng.integers(0, 3, 600)
    good = np.where(rng.random(600) < 0.9, y, (y + 1) % 3)
    bad = np.where(rng.random(600) < 0.6, y, (y + 1) % 3)
    r = compare(y, good, bad, rounds=2000)
    assert r["difference"] > 0.2 and r["p_value"] < 0.01
    same = compare(y, good, good, rounds=500)
    assert same["difference"] == 0 and same["p_value"] == 1.0
    assert r["macro_f1_a"] == pytest.approx(f1_score(y, good, average="macro"))


def test_compare_command(tmp_path):
    rows = read_jsonl(DATA / "test.jsonl")
    a = write(tmp_path / "a.jsonl", noisy(rows, 0.1, 1))
    b = write(tmp_path / "b.jsonl", noisy(rows, 0.6, 2))
    r = run_cli("compare", "--gold", DATA / "test.jsonl", a, b, "--json", "--rounds", "2000")
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert out["difference"] > 0 and out["p_value"] < 0.01
    bad = run_cli("compare", "--gold", DATA / "test.jsonl", a, EVAL / "bad_label.jsonl")
    assert bad.returncode == 1 and "Traceback" not in bad.stderr


def test_score_writes_markdown_and_plot(tmp_path):
    r = run_cli("score", "--gold", "gold.jsonl", "--pred", "valid.jsonl", "--markdown", tmp_path / "r.md",
                "--plot", tmp_path / "cm.png", cwd=EVAL)
    assert r.returncode == 0, r.stderr
    md = (tmp_path / "r.md").read_text()
    assert "macro-F1: 65.6" in md and "| denial | 100.0 | 50.0 | 66.7 | 2 |" in md
    assert (tmp_path / "cm.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_score_usage_errors(tmp_path):
    assert run_cli("score", "--gold", EVAL / "gold.jsonl").returncode == 2
    r = run_cli("score", "--gold", EVAL / "gold.jsonl", "--pred", EVAL / "valid.jsonl", "--json", tmp_path / "no" / "r.json")
    assert r.returncode == 2 and "does not exist" in r.stderr
