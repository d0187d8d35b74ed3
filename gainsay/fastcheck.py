"""A hand-written "is this record valid?" for the record schema, for speed.

jsonschema needs about 250 microseconds a record and fastjsonschema about 17; this check
needs a few, which keeps `gainsay validate` within three times a bare JSON parse. Every value
it checks against (keys, enums, patterns, limits) is read from schema/record.schema.json, so
the schema stays the one definition; only the record's shape is written out here.
`HANDLED` names the properties this function knows, and the tests prove that it equals the
schema's properties and that the function agrees with jsonschema on generated records.
Invalid records always go to jsonschema, which lists every problem.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .schema import load_schema

HANDLED = ("id", "doc_id", "position", "text", "label", "source", "cue", "annotations", "adjudication",
           "phenomena", "origin", "topic", "genre", "group", "variant")


def _int(v, lo, hi=None) -> bool:
    # JSON Schema's "integer" is a mathematical integer: 3 and 3.0, never true or false
    if type(v) is int or (type(v) is float and v.is_integer()):
        return v >= lo and (hi is None or v <= hi)
    return False


@lru_cache(maxsize=1)
def _facts() -> dict:
    s = load_schema("record")
    p, d = s["properties"], s["$defs"]
    ann = p["annotations"]["items"]
    adj = p["adjudication"]
    span = d["span"]
    return {
        "required": frozenset(s["required"]), "allowed": frozenset(p),
        "id": re.compile(p["id"]["pattern"]).search, "doc_id": re.compile(p["doc_id"]["pattern"]).search,
        "pos": (p["position"]["minimum"], p["position"]["maximum"]),
        "text": (p["text"]["minLength"], p["text"]["maxLength"], re.compile(p["text"]["pattern"]).search),
        "labels": frozenset(d["label"]["enum"]), "tags": frozenset(d["phenomenon"]["enum"]),
        "genres": frozenset(d["genre"]["enum"]), "origins": frozenset(p["origin"]["enum"]),
        "topic": re.compile(p["topic"]["pattern"]).search, "group": re.compile(p["group"]["pattern"]).search,
        "variant": re.compile(p["variant"]["pattern"]).search,
        "span_keys": frozenset(span["properties"]), "span_min": (span["properties"]["text"]["minLength"],
                                                                 span["properties"]["start"]["minimum"],
                                                                 span["properties"]["end"]["minimum"]),
        "ann_required": frozenset(ann["required"]), "ann_allowed": frozenset(ann["properties"]),
        "annotator": re.compile(ann["properties"]["annotator"]["pattern"]).search,
        "note_max": ann["properties"]["note"]["maxLength"],
        "adj_keys": frozenset(adj["properties"]), "adj_annotator": re.compile(adj["properties"]["annotator"]["pattern"]).search,
        "reason": (adj["properties"]["reason"]["minLength"], adj["properties"]["reason"]["maxLength"]),
    }


class _Seen(dict):
    """Strings already matched against a pattern: ids of documents, annotators and topics
    repeat on many lines, so each distinct string is matched once."""

    def __init__(self, search):
        super().__init__()
        self.search = search

    def __missing__(self, value):
        ok = self[value] = bool(self.search(value))
        if len(self) > 100_000:  # stay bounded on adversarial input
            self.clear()
        return ok


@lru_cache(maxsize=1)
def _memo() -> dict:
    f = _facts()
    return {k: _Seen(f[k]) for k in ("doc_id", "annotator", "adj_annotator", "topic", "group", "variant")}


def _span_ok(v, f) -> bool:
    if v is None:
        return True
    if type(v) is not dict or v.keys() != f["span_keys"]:
        return False
    tmin, smin, emin = f["span_min"]
    t = v["text"]
    return type(t) is str and len(t) >= tmin and _int(v["start"], smin) and _int(v["end"], emin)


_FACTS: tuple | None = None


def _load() -> tuple:
    global _FACTS
    _FACTS = (_facts(), _memo())
    return _FACTS


def record_ok(r) -> bool:
    """True when the record satisfies schema/record.schema.json."""
    f, seen = _FACTS or _load()
    if type(r) is not dict:
        return False
    keys = r.keys()
    if not f["required"] <= keys or not keys <= f["allowed"]:
        return False
    v = r["id"]
    if type(v) is not str or not f["id"](v):
        return False
    v = r["doc_id"]
    if type(v) is not str or not seen["doc_id"][v]:
        return False
    if not _int(r["position"], *f["pos"]):
        return False
    v = r["text"]
    tmin, tmax, tpat = f["text"]
    if type(v) is not str or not tmin <= len(v) <= tmax or not tpat(v):
        return False
    v = r["label"]
    if type(v) is not str or v not in f["labels"]:
        return False
    if "source" in r and not _span_ok(r["source"], f):
        return False
    if "cue" in r and not _span_ok(r["cue"], f):
        return False
    if "annotations" in r:
        anns = r["annotations"]
        if type(anns) is not list:
            return False
        for a in anns:
            if type(a) is not dict or not f["ann_required"] <= a.keys() or not a.keys() <= f["ann_allowed"]:
                return False
            who, lab = a["annotator"], a["label"]
            if type(who) is not str or not seen["annotator"][who] or type(lab) is not str or lab not in f["labels"]:
                return False
            if "note" in a and a["note"] is not None and (type(a["note"]) is not str or len(a["note"]) > f["note_max"]):
                return False
    if "adjudication" in r and r["adjudication"] is not None:
        a = r["adjudication"]
        if type(a) is not dict or a.keys() != f["adj_keys"]:
            return False
        rmin, rmax = f["reason"]
        if (type(a["annotator"]) is not str or not seen["adj_annotator"][a["annotator"]] or type(a["label"]) is not str
                or a["label"] not in f["labels"] or type(a["reason"]) is not str or not rmin <= len(a["reason"]) <= rmax):
            return False
    if "phenomena" in r:
        tags = r["phenomena"]
        if type(tags) is not list:
            return False
        for t in tags:
            if type(t) is not str or t not in f["tags"]:
                return False
        if len(set(tags)) != len(tags):
            return False
    if "origin" in r and (type(r["origin"]) is not str or r["origin"] not in f["origins"]):
        return False
    if "topic" in r and (type(r["topic"]) is not str or not seen["topic"][r["topic"]]):
        return False
    if "genre" in r and (type(r["genre"]) is not str or r["genre"] not in f["genres"]):
        return False
    for name in ("group", "variant"):
        if name in r and r[name] is not None and (type(r[name]) is not str or not seen[name][r[name]]):
            return False
    return True
