"""A fast "is this record valid?": jsonschema-rs, compiled from the same schema file.

jsonschema needs about 450 microseconds a record and writes the precise messages; jsonschema-rs
answers valid / invalid in well under one, which keeps `gainsay validate` near a bare JSON
parse. Valid records (nearly all) go no further; an invalid one goes to jsonschema
(`schema.schema_problems`) to have every problem listed. The tests prove the two agree.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Callable

from gainsay.corpus.schema import load_schema


@lru_cache(maxsize=None)
def checker(name: str = "record") -> Callable[[object], bool]:
    """`is_valid` of the named schema, compiled once."""
    import jsonschema_rs

    return jsonschema_rs.validator_for(load_schema(name)).is_valid


def record_ok(record) -> bool:
    """True when the record satisfies the record schema."""
    return checker("record")(record)
