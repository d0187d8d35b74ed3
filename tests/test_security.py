"""No code execution from data and no network: models load from safe formats, and loading,
validating, scoring and predicting with a cached model open no connection."""
import ast
import socket

import pytest

from conftest import DATA, ROOT, read_jsonl

PACKAGE = ROOT / "gainsay"


def calls(tree):
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            f = node.func
            name = f.attr if isinstance(f, ast.Attribute) else getattr(f, "id", "")
            owner = f.value.id if isinstance(f, ast.Attribute) and isinstance(f.value, ast.Name) else ""
            yield owner, name, node


def test_no_pickle_or_joblib_loads_and_npz_without_pickle():
    for path in PACKAGE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                names = [a.name for a in node.names] + [getattr(node, "module", "") or ""]
                assert not {"pickle", "joblib", "dill", "cloudpickle", "marshal", "shelve"} & set(names), path
        for owner, name, node in calls(tree):
            assert not (isinstance(node.func, ast.Name) and name in ("eval", "exec")), path
            if owner == "torch" and name == "load":
                pytest.fail(f"{path}: torch.load can execute code")
            if owner == "np" and name == "load":
                kw = {k.arg: k.value for k in node.keywords}
                assert isinstance(kw.get("allow_pickle"), ast.Constant) and kw["allow_pickle"].value is False, path
    finetune = (PACKAGE / "baselines" / "finetune.py").read_text()
    assert "use_safetensors=True" in finetune and "safe_serialization=True" in finetune


@pytest.fixture
def no_network(monkeypatch):
    attempts = []

    def refuse(*args, **kwargs):
        attempts.append(args)
        raise OSError("network access attempted")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    return attempts


def test_load_validate_score_and_predict_open_no_connection(tmp_path, monkeypatch, no_network):
    import gainsay
    from gainsay.corpus.io import jsonl_files
    from gainsay.baselines.cache import get_model
    from gainsay.baselines.predict import predict_file
    from gainsay.eval.inputs import read_gold, read_predictions
    from gainsay.eval.score import score
    from gainsay.corpus.validate import validate_files

    monkeypatch.setenv("GAINSAY_CACHE", str(tmp_path / "cache"))
    monkeypatch.delenv("HF_DATASETS_OFFLINE", raising=False)
    monkeypatch.delenv("HF_HUB_OFFLINE", raising=False)
    ds = gainsay.load(cache_dir=tmp_path / "hf")
    assert ds["test"].num_rows == len(read_jsonl(DATA / "test.jsonl"))
    assert validate_files(jsonl_files([DATA])).ok
    model, _ = get_model("tfidf", DATA, log=lambda *_: None)  # trains and caches
    model, _ = get_model("tfidf", DATA, log=lambda *_: None)  # loads from the cache
    pred = tmp_path / "p.jsonl"
    predict_file(model, DATA / "test.jsonl", pred)
    g = read_gold(DATA / "test.jsonl")
    assert score(g, read_predictions(pred, g))["macro_f1"] > 0.5
    assert no_network == []


def test_neural_predict_with_cached_model_opens_no_connection(tmp_path, monkeypatch, no_network):
    pytest.importorskip("torch")
    from gainsay.baselines import get
    from gainsay.baselines.finetune import Finetune
    from gainsay.corpus.records import read_records

    train = read_records(DATA / "train.jsonl")[:32]
    m = Finetune({**get("finetune").settings, "epochs": 1})
    m.fit(train, train[:16])
    m.save(tmp_path)
    again = Finetune.load(tmp_path, get("finetune").settings)
    assert again.predict_proba(["The port reopened on Monday."]).shape == (1, 3)
    assert no_network == []
