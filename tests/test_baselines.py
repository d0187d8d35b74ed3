"""Baselines train on the real train split, save in safe formats and load back exactly."""
import numpy as np
import pytest

from conftest import DATA, read_jsonl, run_cli
from gainsay.baselines import get
from gainsay.baselines.rules import rule_label
from gainsay.corpus.records import read_records
from gainsay.baselines.cache import get_model


@pytest.fixture(scope="module")
def splits():
    return read_records(DATA / "train.jsonl"), read_records(DATA / "validation.jsonl")


def test_majority_predicts_the_most_frequent_training_label(splits, tmp_path):
    train, val = splits
    m = get("majority").build()
    info = m.fit(train, val)
    labels = [r["label"] for r in train]
    assert info["label"] == max(set(labels), key=labels.count)
    m.save(tmp_path)
    again = get("majority").load_class().load(tmp_path, {})
    assert np.allclose(again.predict_proba(["x", "y"]), m.predict_proba(["x", "y"]))


def test_rules_follow_the_decision_order():
    assert rule_label("The ministry dismissed the report, officials said.") == "denial"
    assert rule_label('"We will reopen the mine," she said.') == "attribution"
    assert rule_label("Talks resume on Friday.") == "claim"


def test_tfidf_beats_majority_and_round_trips(splits, tmp_path):
    from gainsay.eval.metrics import macro_f1

    train, val = splits
    spec = get("tfidf")
    m = spec.build()
    info = m.fit(train, val)
    assert info["C"] in (0.25, 1.0, 4.0, 16.0)
    texts = [r["text"] for r in val]
    y = np.array([["claim", "denial", "attribution"].index(r["label"]) for r in val])
    assert macro_f1(y, m.predict(texts)[0]) > 0.6
    m.save(tmp_path)
    assert not list(tmp_path.glob("*.pkl")) and not list(tmp_path.glob("*.joblib"))
    again = spec.load_class().load(tmp_path, spec.settings)
    assert np.allclose(again.predict_proba(texts), m.predict_proba(texts))


def test_models_are_cached_and_reused(tmp_path, monkeypatch):
    monkeypatch.setenv("GAINSAY_CACHE", str(tmp_path))
    logs = []
    get_model("majority", DATA, log=logs.append)
    get_model("majority", DATA, log=logs.append)
    assert len([l for l in logs if l.startswith("training")]) == 1
    assert list((tmp_path / "models" / "majority").glob("*/training.json"))


def test_a_changed_setting_or_changed_code_retrains(tmp_path, monkeypatch):
    """The cache key covers the baseline's config and its code, not only the data."""
    import dataclasses

    import gainsay.baselines as registry

    monkeypatch.setenv("GAINSAY_CACHE", str(tmp_path))
    logs = []
    get_model("tfidf", DATA, log=logs.append)
    get_model("tfidf", DATA, log=logs.append)
    assert len(logs) == 1
    spec = registry.get("tfidf")
    changed = dataclasses.replace(spec, settings={**spec.settings, "C_grid": [1.0]})
    monkeypatch.setitem(registry.specs(), "tfidf", changed)
    assert changed.version() != spec.version()
    _, info = get_model("tfidf", DATA, log=logs.append)
    assert len(logs) == 2 and info["C"] == 1.0 and info["settings"]["C_grid"] == [1.0]
    # a change to the module's source is a new version too
    code = tmp_path / "extra.py"
    code.write_text("A = 1\n")
    monkeypatch.setattr(registry.Spec, "code_files", lambda self: [code])
    before = changed.version()
    code.write_text("A = 2\n")
    assert changed.version() != before


def test_the_registry_reads_one_config_per_baseline():
    from gainsay.baselines import names, specs

    assert names() == ("majority", "rules", "tfidf", "embed", "finetune")
    for name, spec in specs().items():
        assert spec.load_class().name == name
        assert spec.summary


def test_predict_command_on_unlabelled_records(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text('{"id": "a", "text": "The airport will reopen on Monday."}\n'
                   '{"id": "b", "text": "The airline denied that flights were cancelled."}\n', encoding="utf-8")
    out = tmp_path / "out.jsonl"
    r = run_cli("predict", "--model", "rules", "--input", src, "--out", out, env={"GAINSAY_CACHE": str(tmp_path)})
    assert r.returncode == 0, r.stderr
    assert read_jsonl(out) == [{"id": "a", "label": "claim"}, {"id": "b", "label": "denial"}]
    r = run_cli("predict", "--model", "tfidf", "--input", src, "--out", out, env={"GAINSAY_CACHE": str(tmp_path)})
    assert r.returncode == 0, r.stderr
    rows = read_jsonl(out)
    assert [x["id"] for x in rows] == ["a", "b"]
    assert all(abs(sum(x["scores"].values()) - 1) < 1e-4 for x in rows)


def test_predict_errors(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "a", "text": "ok"}\n{"id": "a", "text": "again"}\n{"text": "no id"}\n', encoding="utf-8")
    out = tmp_path / "out.jsonl"
    r = run_cli("predict", "--model", "rules", "--input", bad, "--out", out, env={"GAINSAY_CACHE": str(tmp_path)})
    assert r.returncode == 1 and not out.exists()
    assert f"{bad}:2: id: 'a' appears twice (first at line 1)" in r.stderr
    assert f"{bad}:3: id: missing or not a non-empty string" in r.stderr
    assert run_cli("predict", "--model", "gpt", "--input", bad, "--out", out).returncode == 2


