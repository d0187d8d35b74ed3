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
