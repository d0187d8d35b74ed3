"""Loading through Hugging Face `datasets`, offline, with the declared features."""
import json

import datasets
import pytest

from conftest import DATA, ROOT, read_jsonl
import gainsay
from gainsay.corpus.load import fingerprint


@pytest.fixture(autouse=True)
def offline(monkeypatch):
    monkeypatch.setenv("HF_DATASETS_OFFLINE", "1")
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")


def test_load_dataset_on_the_checkout(tmp_path):
    ds = datasets.load_dataset(str(ROOT), cache_dir=str(tmp_path / "cache"))
    assert set(ds) == {"train", "validation", "test"}
    for split in ds:
        assert ds[split].num_rows == len(read_jsonl(DATA / f"{split}.jsonl"))
        label = ds[split].features["label"]
        assert isinstance(label, datasets.ClassLabel)
        assert label.names == ["claim", "denial", "attribution"]
    seed = [r for r in ds["test"] if r["doc_id"] == "seed"]
    assert len(seed) == 14
    assert seed[0]["label"] == 1 and seed[0]["source"] == {"text": "Iran", "start": 0, "end": 4}


def test_gainsay_load_matches_the_files(tmp_path):
    ds = gainsay.load(cache_dir=tmp_path)
    for split in ("train", "validation", "test"):
        rows = read_jsonl(DATA / f"{split}.jsonl")
        assert ds[split]["id"] == [r["id"] for r in rows]
        assert ds[split]["label"] == [gainsay.LABEL2ID[r["label"]] for r in rows]


def test_gainsay_load_never_serves_stale_rows(checkout, tmp_path):
    cache = tmp_path / "cache"
    first = gainsay.load(root=checkout, cache_dir=cache)
    path = checkout / "data" / "test.jsonl"
    rows = read_jsonl(path)
    rows[0]["text"] = rows[0]["text"] + " (corrected)"
    rows = rows[:-1]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    second = gainsay.load(root=checkout, cache_dir=cache)
    assert second["test"].num_rows == first["test"].num_rows - 1
    assert second["test"][0]["text"].endswith(" (corrected)")


def test_plain_load_dataset_can_be_stale_which_is_why_load_exists(checkout, tmp_path):
    """Documents the `datasets` behaviour that gainsay.load() guards against."""
    cache = str(tmp_path / "plain")
    before = datasets.load_dataset(str(checkout), cache_dir=cache)["test"].num_rows
    path = checkout / "data" / "test.jsonl"
    path.write_text("".join(path.read_text(encoding="utf-8").splitlines(keepends=True)[:-1]), encoding="utf-8")
    after = datasets.load_dataset(str(checkout), cache_dir=cache)["test"].num_rows
    fresh = gainsay.load(root=checkout, cache_dir=tmp_path / "g")["test"].num_rows
    assert fresh == before - 1
    assert after in (before, before - 1)  # stale on datasets 5.x; fine if a later release fixes it


def test_fingerprint_changes_with_the_bytes(checkout):
    before = fingerprint(checkout)
    with open(checkout / "data" / "train.jsonl", "a", encoding="utf-8") as f:
        f.write("")
    assert fingerprint(checkout) == before
    with open(checkout / "data" / "train.jsonl", "a", encoding="utf-8") as f:
        f.write(" ")
    assert fingerprint(checkout) != before


def test_unknown_config_is_a_clear_error():
    with pytest.raises(ValueError, match="unknown config 'nope'"):
        gainsay.load("nope")
