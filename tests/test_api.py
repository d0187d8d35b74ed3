"""The notebook API gives the numbers the command line gives, from every kind of input."""
import json

import numpy as np
import pandas as pd
import pytest

import gainsay
from conftest import DATA, read_jsonl, run_cli
from gainsay.problems import ProblemsFound


@pytest.fixture(scope="module")
def gold():
    return read_jsonl(DATA / "test.jsonl")


@pytest.fixture(scope="module")
def noisy(gold):
    rng = np.random.default_rng(3)
    labels = [r["label"] for r in gold]
    return [l if rng.random() < 0.7 else rng.choice(["claim", "denial", "attribution"]) for l in labels]


def test_score_matches_the_command_line(gold, noisy, tmp_path):
    pred = tmp_path / "pred.jsonl"
    pred.write_text("".join(json.dumps({"id": r["id"], "label": l}) + "\n" for r, l in zip(gold, noisy)))
    r = run_cli("score", "--gold", DATA / "test.jsonl", "--pred", pred, "--json", tmp_path / "cli.json")
    assert r.returncode == 0, r.stderr
    cli = json.loads((tmp_path / "cli.json").read_text())
    for preds in (noisy, np.array(noisy), pd.Series(noisy), pred,
                  pd.DataFrame({"id": [g["id"] for g in gold], "label": noisy}),
                  [["claim", "denial", "attribution"].index(l) for l in noisy]):
        report = gainsay.score(DATA / "test.jsonl", preds)
        assert report.macro_f1 == pytest.approx(cli["macro_f1"])
        assert report["confusion_matrix"] == cli["confusion_matrix"]


def test_score_takes_a_datasets_split_and_gives_dataframes(noisy, tmp_path):
    test = gainsay.load(cache_dir=tmp_path / "hf")["test"]
    report = gainsay.score(test, noisy)
    assert isinstance(report.per_label, pd.DataFrame) and list(report.per_label.index) == ["claim", "denial", "attribution"]
    assert report.confusion.values.sum() == len(noisy)
    assert set(report.breakdown("portion").index) == {r for r in test["portion"]}
    with pytest.raises(KeyError):
        report.breakdown("colour")


def test_score_errors(gold, noisy):
    with pytest.raises(ValueError, match="labels for"):
        gainsay.score(DATA / "test.jsonl", noisy[:-1])
    with pytest.raises(TypeError):
        gainsay.score(42, noisy)
    with pytest.raises(ProblemsFound) as e:
        gainsay.score(DATA / "test.jsonl", ["Claim"] * len(gold))
    assert "'Claim' is not one of" in str(e.value.problems[0])


def test_predict_returns_labels_and_scores(tmp_path, monkeypatch):
    monkeypatch.setenv("GAINSAY_CACHE", str(tmp_path))
    frame = gainsay.predict("majority", ["One.", "Two."])
    assert list(frame.columns) == ["text", "label", "claim", "denial", "attribution"]
    assert np.allclose(frame[["claim", "denial", "attribution"]].sum(axis=1), 1)
