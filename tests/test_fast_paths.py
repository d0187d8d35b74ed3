"""Hand-written fast checks agree with the JSON Schema they stand in for."""
from hypothesis import given, settings
from hypothesis import strategies as st

from gainsay.predictions import _fast_read
from gainsay.schema import schema_problems

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
