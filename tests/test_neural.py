"""The MiniLM baselines, on small slices of the real data (the full runs are `make benchmark`)."""
import numpy as np

from gainsay.baselines import get
import pytest

from conftest import DATA
from gainsay.corpus.records import read_records

torch = pytest.importorskip("torch", reason="the neural extra is not installed")


@pytest.fixture(scope="module")
def small():
    train = read_records(DATA / "train.jsonl")
    val = read_records(DATA / "validation.jsonl")
    return train[:96], val[:48]


def test_encoder_gives_normalised_384_dim_vectors():
    from gainsay.baselines.encoder import encode

    v = encode(["The port reopened.", "Officials denied the report."], batch=64, max_length=128)
    assert v.shape == (2, 384)
    assert np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-5)


def test_embed_round_trip(small, tmp_path):
    from gainsay.baselines.embed import Embed

    m = Embed(get("embed").settings)
    m.fit(*small)
    texts = [r["text"] for r in small[1][:10]]
    m.save(tmp_path)
    assert np.allclose(Embed.load(tmp_path, get("embed").settings).predict_proba(texts), m.predict_proba(texts))


def test_finetune_trains_and_round_trips_in_safetensors(small, tmp_path):
    from gainsay.baselines.finetune import Finetune

    m = Finetune({**get("finetune").settings, "epochs": 1})
    info = m.fit(*small)
    assert info["best_epoch"] == 1 and len(info["validation_macro_f1_by_epoch"]) == 1
    texts = [r["text"] for r in small[1][:8]]
    probs = m.predict_proba(texts)
    assert probs.shape == (8, 3) and np.allclose(probs.sum(axis=1), 1, atol=1e-5)
    m.save(tmp_path)
    assert list((tmp_path / "model").glob("*.safetensors"))
    assert not list(tmp_path.rglob("*.bin")) and not list(tmp_path.rglob("*.pkl"))
    assert np.allclose(Finetune.load(tmp_path, get("finetune").settings).predict_proba(texts), probs, atol=1e-5)


def test_exported_checkpoint_scores_identically_through_hf(small, tmp_path):
    """`gainsay export model finetune` writes a standard checkpoint; `--model hf:DIR` gives
    the same labels and probabilities as the baseline itself."""
    import json

    from conftest import read_jsonl, run_cli
    from gainsay.baselines.export import export_finetune
    from gainsay.baselines.finetune import Finetune
    from gainsay.baselines.predict import prediction_lines

    m = Finetune({**get("finetune").settings, "epochs": 1})
    m.fit(*small)
    out = export_finetune(m, tmp_path / "ckpt", {"macro_f1": 0.5})
    assert list(out.glob("*.safetensors")) and (out / "tokenizer.json").exists() and (out / "README.md").exists()
    config = json.loads((out / "config.json").read_text())
    assert config["id2label"] == {"0": "claim", "1": "denial", "2": "attribution"}
    records = [{"id": r["id"], "text": r["text"]} for r in small[1][:12]]
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in records))
    r = run_cli("predict", "--model", f"hf:{out}", "--input", src, "--out", tmp_path / "hf.jsonl", "--batch-size", "5")
    assert r.returncode == 0, r.stderr
    got, want = read_jsonl(tmp_path / "hf.jsonl"), prediction_lines(records, m)
    assert [g["label"] for g in got] == [w["label"] for w in want]
    for g, w in zip(got, want):
        assert all(abs(g["scores"][k] - w["scores"][k]) < 1e-4 for k in w["scores"])
    # foreign label names: an error naming them, then a --label-map that fixes it
    config["id2label"] = {"0": "for", "1": "against", "2": "observing"}
    config["label2id"] = {"for": 0, "against": 1, "observing": 2}
    (out / "config.json").write_text(json.dumps(config))
    r = run_cli("predict", "--model", f"hf:{out}", "--input", src, "--out", tmp_path / "x.jsonl")
    assert r.returncode == 2 and "label(s) 'for', 'against', 'observing' of the checkpoint are not" in r.stderr
    r = run_cli("predict", "--model", f"hf:{out}", "--input", src, "--out", tmp_path / "x.jsonl",
                "--label-map", "for=claim,against=denial,observing=attribution")
    assert r.returncode == 0 and [x["label"] for x in read_jsonl(tmp_path / "x.jsonl")] == [w["label"] for w in want]
