"""The JSON Schemas (schema/ in the checkout, `gainsay.schemas` in the wheel): loaded once
through importlib.resources, the only definition of a record's shape."""
from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources


def schema_file(name: str):
    """The schema file as an importlib.resources Traversable."""
    return resources.files("gainsay.schemas") / f"{name}.schema.json"


@lru_cache(maxsize=None)
def load_schema(name: str) -> dict:
    return json.loads(schema_file(name).read_text(encoding="utf-8"))


@lru_cache(maxsize=None)
def validator(name: str):
    """A jsonschema validator, which writes the precise messages; imported only when a record
    is invalid, since valid records never need it (see fastcheck)."""
    from jsonschema import Draft202012Validator

    schema = load_schema(name)
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def phenomena() -> list[str]:
    """The closed list of phenomenon tags, as the record schema defines it."""
    return list(load_schema("record")["$defs"]["phenomenon"]["enum"])



def schema_problems(record: dict, name: str = "record") -> list[tuple[str, str]]:
    """(field, message) for every way the record breaks the schema, in a stable order."""
    out = []
    for err in sorted(validator(name).iter_errors(record), key=lambda e: [str(p) for p in e.absolute_path]):
        field = ".".join(str(p) for p in err.absolute_path) or "record"
        if err.validator == "required":
            missing = err.message.split("'")[1] if "'" in err.message else err.message
            field = f"{field}.{missing}" if err.absolute_path else missing
            out.append((field, "missing (required)"))
        elif err.validator == "additionalProperties":
            extra = sorted(set(err.instance) - set(err.schema.get("properties", {})))
            for key in extra:
                out.append((f"{field}.{key}" if err.absolute_path else key, "not a field of the schema"))
        elif err.validator == "enum":
            allowed = ", ".join(map(str, err.validator_value))
            out.append((field, f"{err.instance!r} is not one of: {allowed}"))
        elif err.validator == "type":
            from gainsay.corpus.io import json_type
            want = err.validator_value if isinstance(err.validator_value, str) else " or ".join(err.validator_value)
            out.append((field, f"expected {want}, got {json_type(err.instance)}"))
        elif err.validator == "pattern" and field == "text":
            out.append((field, "is blank: a sentence needs at least one non-space character"))
        elif err.validator == "pattern":
            out.append((field, f"{err.instance!r} does not match the pattern {err.validator_value}"))
        else:
            out.append((field, err.message if len(err.message) < 200 else err.message[:200] + "..."))
    return out
