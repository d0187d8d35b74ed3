"""The label module, the JSON Schemas and the dataset card's features say the same thing."""
import yaml
from jsonschema import Draft202012Validator

from conftest import ROOT
from gainsay.corpus.labels import ID2LABEL, LABEL2ID, LABELS
from gainsay.corpus.schema import load_schema


def card():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert text.startswith("---\n")
    return yaml.safe_load(text.split("---\n")[1])


def test_label_order_is_fixed():
    assert LABELS == ("claim", "denial", "attribution")
    assert [LABEL2ID[l] for l in LABELS] == [0, 1, 2]
    assert ID2LABEL == {0: "claim", 1: "denial", 2: "attribution"}


def test_schemas_are_valid_2020_12():
    for name in ("record", "prediction"):
        schema = load_schema(name)
        assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
        Draft202012Validator.check_schema(schema)


def test_schema_labels_match_label_module():
    rec = load_schema("record")
    assert tuple(rec["$defs"]["label"]["enum"]) == LABELS
    pred = load_schema("prediction")
    assert tuple(pred["properties"]["label"]["enum"]) == LABELS
    assert tuple(pred["properties"]["scores"]["properties"]) == LABELS
    assert tuple(pred["properties"]["scores"]["required"]) == LABELS


def test_card_features_match_schema_and_labels():
    info = card()["dataset_info"]
    schema = load_schema("record")
    for config in info:
        features = {f["name"]: f for f in config["features"]}
        assert list(features) == list(schema["properties"]), config["config_name"]
        names = features["label"]["dtype"]["class_label"]["names"]
        assert [names[str(i)] for i in range(len(names))] == list(LABELS)
        for span in ("source", "cue"):
            assert [f["name"] for f in features[span]["struct"]] == list(schema["$defs"]["span"]["properties"])
        ann = schema["properties"]["annotations"]["items"]["properties"]
        assert [f["name"] for f in features["annotations"]["list"]] == list(ann)
        adj = schema["properties"]["adjudication"]["properties"]
        assert [f["name"] for f in features["adjudication"]["struct"]] == list(adj)


def test_card_configs_cover_every_split():
    configs = {c["config_name"]: c for c in card()["configs"]}
    default = {d["split"]: d["path"] for d in configs["default"]["data_files"]}
    assert default == {s: f"data/{s}.jsonl" for s in ("train", "validation", "test")}
    assert configs["challenge"]["data_files"][0]["path"] == "data/challenge.jsonl"


def test_card_metadata():
    meta = card()
    assert meta["license"] == "cc-by-4.0"
    assert meta["language"] == ["en"]
    assert "text-classification" in meta["task_categories"]
    assert meta["pretty_name"] == "Gainsay"
    assert meta["size_categories"]
