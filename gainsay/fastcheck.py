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


def _build():
    """The checker, with every fact from the schema bound to a local name (the hot loop of
    `validate` runs it once a record)."""
    f, seen = _facts(), _memo()
    required, allowed = f["required"], f["allowed"]
    id_ok, pos_lo, pos_hi = f["id"], *f["pos"]
    tmin, tmax, tpat = f["text"]
    labels, tags_ok, origins, genres = f["labels"], f["tags"], f["origins"], f["genres"]
    span_keys, (stmin, ssmin, semin) = f["span_keys"], f["span_min"]
    ann_required, ann_allowed, note_max = f["ann_required"], f["ann_allowed"], f["note_max"]
    adj_keys, (rmin, rmax) = f["adj_keys"], f["reason"]
    doc_seen, ann_seen, adj_seen = seen["doc_id"], seen["annotator"], seen["adj_annotator"]
    topic_seen, group_seen, variant_seen = seen["topic"], seen["group"], seen["variant"]
    missing = object()

    def span_ok(v) -> bool:
        if v is None:
            return True
        if type(v) is not dict or v.keys() != span_keys:
            return False
        t = v["text"]
        return type(t) is str and len(t) >= stmin and _int(v["start"], ssmin) and _int(v["end"], semin)

    def check(r) -> bool:
        if type(r) is not dict:
            return False
        keys = r.keys()
        if not required <= keys or not keys <= allowed:
            return False
        v = r["id"]
        if type(v) is not str or not id_ok(v):
            return False
        v = r["doc_id"]
        if type(v) is not str or not doc_seen[v]:
            return False
        if not _int(r["position"], pos_lo, pos_hi):
            return False
        v = r["text"]
        if type(v) is not str or not tmin <= len(v) <= tmax or not tpat(v):
            return False
        v = r["label"]
        if type(v) is not str or v not in labels:
            return False
        get = r.get
        v = get("source", None)
        if v is not None and not span_ok(v):
            return False
        v = get("cue", None)
        if v is not None and not span_ok(v):
            return False
        anns = get("annotations", missing)
        if anns is not missing:
            if type(anns) is not list:
                return False
            for a in anns:
                if type(a) is not dict:
                    return False
                k = a.keys()
                if not ann_required <= k or not k <= ann_allowed:
                    return False
                who, lab = a["annotator"], a["label"]
                if type(who) is not str or not ann_seen[who] or type(lab) is not str or lab not in labels:
                    return False
                note = a.get("note")
                if note is not None and (type(note) is not str or len(note) > note_max):
                    return False
        a = get("adjudication", None)
        if a is not None:
            if type(a) is not dict or a.keys() != adj_keys:
                return False
            who, lab, why = a["annotator"], a["label"], a["reason"]
            if (type(who) is not str or not adj_seen[who] or type(lab) is not str or lab not in labels
                    or type(why) is not str or not rmin <= len(why) <= rmax):
                return False
        tags = get("phenomena", missing)
        if tags is not missing:
            if type(tags) is not list:
                return False
            for t in tags:
                if type(t) is not str or t not in tags_ok:
                    return False
            if len(tags) > 1 and len(set(tags)) != len(tags):
                return False
        v = get("origin", missing)
        if v is not missing and (type(v) is not str or v not in origins):
            return False
        v = get("topic", missing)
        if v is not missing and (type(v) is not str or not topic_seen[v]):
            return False
        v = get("genre", missing)
        if v is not missing and (type(v) is not str or v not in genres):
            return False
        v = get("group", None)
        if v is not None and (type(v) is not str or not group_seen[v]):
            return False
        v = get("variant", None)
        if v is not None and (type(v) is not str or not variant_seen[v]):
            return False
        return True

    return check


_CHECK = None


def record_ok(r) -> bool:
    """True when the record satisfies schema/record.schema.json."""
    global _CHECK
    if _CHECK is None:
        _CHECK = _build()
    return _CHECK(r)
