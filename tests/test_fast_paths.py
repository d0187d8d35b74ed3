"""The fast checks (jsonschema-rs for records, a hand-written reader for predictions) agree
with jsonschema on the same schema files."""
from hypothesis import given, settings
from hypothesis import strategies as st

from gainsay.corpus.fastcheck import record_ok
from gainsay.eval.inputs import _fast_read
from gainsay.corpus.schema import schema_problems

labels = st.sampled_from(["claim", "denial", "attribution", "Claim", "", "other"])
numbers = st.one_of(st.floats(allow_nan=False, allow_infinity=False, min_value=-1, max_value=2),
                    st.integers(-1, 2), st.booleans(), st.none(), st.text(max_size=2))
scores = st.one_of(
    st.fixed_dictionaries({"claim": numbers, "denial": numbers, "attribution": numbers}),
    st.dictionaries(st.sampled_from(["claim", "denial", "attribution", "x"]), numbers, max_size=4),
    st.lists(numbers, max_size=3), st.none())
ids = st.one_of(st.text(max_size=6), st.integers(), st.none())
predictions = st.one_of(
    st.fixed_dictionaries({"id": ids, "label": labels}),
    st.fixed_dictionaries({"id": ids, "label": labels, "scores": scores}),
    st.fixed_dictionaries({"id": ids, "label": labels}, optional={"scores": scores, "extra": st.integers(), "ID": ids}),
    st.dictionaries(st.text(max_size=5), st.one_of(ids, labels), max_size=4),
)


@settings(max_examples=3000, deadline=None)
@given(predictions)
def test_fast_prediction_check_matches_the_schema(obj):
    assert (_fast_read(obj) is not None) == (schema_problems(obj, "prediction") == [])


# Records near the schema's edges: valid ones and every kind of near miss.
ints = st.one_of(st.integers(-1, 6), st.sampled_from([1.0, 2.5, True, False, "1", None]))
spans = st.one_of(st.none(), st.fixed_dictionaries({"text": st.one_of(st.text(max_size=3), st.integers()), "start": ints, "end": ints}),
                  st.fixed_dictionaries({"text": st.text(max_size=3), "start": ints, "end": ints, "extra": st.integers()}),
                  st.fixed_dictionaries({"text": st.text(max_size=3), "start": st.integers(0, 5)}), st.integers())
annotation = st.fixed_dictionaries({"annotator": st.sampled_from(["a1", "b-2", "", "x y", "é"]), "label": labels},
                                   optional={"note": st.one_of(st.none(), st.text(max_size=3), st.integers(), st.just("n" * 2001)),
                                             "who": st.integers()})
tags = st.lists(st.sampled_from(["quote", "negation", "headline", "sarcasm", ""]), max_size=3)
records = st.fixed_dictionaries(
    {"id": st.sampled_from(["d1-00", "", "-x", "a" * 130, "ok.id_2"]), "doc_id": st.sampled_from(["d1", "d 1", "x"]),
     "position": st.one_of(st.integers(-1, 10001), st.sampled_from([1.0, 2.5, "1", True, None, 10000.0])),
     "text": st.sampled_from(["A sentence.", "", "   ", "x" * 5001]), "label": labels},
    optional={"source": spans, "cue": spans, "annotations": st.lists(annotation, max_size=2),
              "adjudication": st.one_of(st.none(), st.integers(), st.fixed_dictionaries(
                  {"annotator": st.sampled_from(["adj", "a d"]), "label": labels, "reason": st.sampled_from(["", "why", 3, "r" * 2001])},
                  optional={"extra": st.integers()})),
              "phenomena": st.one_of(tags, st.just("quote"), st.lists(st.integers(), max_size=1)), "origin": st.sampled_from(["seed", "authored", "contributed", "found"]),
              "topic": st.sampled_from(["sport", "Sport", "local_government", "x"]),
              "genre": st.sampled_from(["wire", "blog"]), "group": st.one_of(st.none(), st.just("g1")),
              "variant": st.sampled_from(["claim", "Claim"]), "extra": st.integers()})


@settings(max_examples=3000, deadline=None)
@given(records)
def test_fast_record_check_matches_jsonschema(record):
    assert record_ok(record) == (schema_problems(record) == [])


def test_fast_record_check_accepts_the_corpus():
    from conftest import DATA, read_jsonl

    for name in ("train", "validation", "test", "challenge"):
        assert all(record_ok(r) for r in read_jsonl(DATA / f"{name}.jsonl"))
