"""A plain-text annotation format that a person edits in any editor.

    # gainsay annotation file: one sentence per line, as <id> <label> | <sentence> [|| tags]
    # labels: claim, denial, attribution (? = not decided yet); [[source]] and {{cue}} mark spans
    # document d-harbour-01  origin=contributed  topic=transport  genre=wire
    d-harbour-01-00 denial | [[Port officials]] {{deny}} harbour closure report || headline, attributed_denial
    d-harbour-01-01 ? | The harbour has been closed since Monday.

`render` writes it from a batch; `compile` reads it back into records. Removing the markup
gives back the sentence exactly, so render then compile is the identity.
"""
from __future__ import annotations

import re
from pathlib import Path

from gainsay.corpus.io import read_text, write_jsonl_atomic
from gainsay.corpus.labels import LABELS
from gainsay.corpus.records import DOC_FIELDS
from gainsay.problems import GainsayError, Problem, ProblemsFound
from gainsay.corpus.schema import phenomena

UNDECIDED = "?"
HEADER = (
    "# gainsay annotation file: one sentence per line, as <id> <label> | <sentence> [|| tags]\n"
    f"# labels: {', '.join(LABELS)} ({UNDECIDED} = not decided yet); mark the source as [[...]] and the cue as {{{{...}}}}\n"
)
_DOC = re.compile(r"^#\s*document\s+(\S+)((?:\s+\w+=\S*)*)\s*$")
_LINE = re.compile(r"^(\S+)\s+(\S+)\s+\|\s?(.*?)(?:\s+\|\|\s*(.*))?$")
_MARKS = re.compile(r"\[\[|\]\]|\{\{|\}\}")


def _escape_check(text: str) -> bool:
    return bool(_MARKS.search(text))


def mark_up(record: dict) -> str:
    """The sentence with its source and cue spans wrapped in markup."""
    text = record["text"]
    spans = [(s["start"], s["end"], o, c) for name, o, c in (("source", "[[", "]]"), ("cue", "{{", "}}"))
             if (s := record.get(name))]
    spans.sort()
    if len(spans) == 2 and spans[0][1] > spans[1][0]:
        raise GainsayError(f"{record['id']}: source and cue overlap; the plain-text format cannot show both")
    out, at = [], 0
    for start, end, o, c in spans:
        out += [text[at:start], o, text[start:end], c]
        at = end
    out.append(text[at:])
    return "".join(out)


def render(records: list[dict]) -> str:
    lines = [HEADER.rstrip("\n")]
    doc = None
    for r in records:
        if _escape_check(r["text"]):
            raise GainsayError(f"{r['id']}: the sentence contains [[, ]], {{{{ or }}}}, which the plain-text format reserves")
        if r["doc_id"] != doc:
            doc = r["doc_id"]
            meta = "".join(f"  {k}={r[k]}" for k in DOC_FIELDS if r.get(k))
            lines += ["", f"# document {doc}{meta}"]
        tags = r.get("phenomena") or []
        label = r.get("label") or UNDECIDED
        line = f"{r['id']} {label} | {mark_up(r)}" + (f" || {', '.join(tags)}" if tags else "")
        _check_line(line, r)
        lines.append(line)
    return "\n".join(lines) + "\n"


def _check_line(line: str, record: dict) -> None:
    """Refuse a record the format cannot carry exactly (a span beside a bracket or brace,
    a ' || ' in the sentence, a line break, spaces the format would trim)."""
    m = _LINE.match(line) if "\n" not in line and "\r" not in line else None
    ok = bool(m) and m.group(1) == record["id"]
    if ok:
        text, spans, problems = _unmark(m.group(3), ("", 0))
        tags = [t.strip() for t in m.group(4).split(",")] if m.group(4) else []
        ok = (not problems and text == record["text"] and tags == (record.get("phenomena") or [])
              and all(spans.get(k) == (record.get(k) or None) for k in ("source", "cue")))
    if not ok:
        raise GainsayError(f"{record['id']}: this sentence or its spans cannot be written exactly in the plain-text "
                           "format (a span beside a bracket or brace, ' || ' or a line break in the text, or spaces "
                           "at its ends); annotate it in Label Studio or edit the JSONL")


def render_file(batch: str | Path, out: str | Path | None) -> str:
    from gainsay.corpus.records import read_batch

    text = render(read_batch(Path(batch)))
    if out:
        from gainsay.corpus.io import write_text_atomic

        write_text_atomic(out, text)
    return text


def _unmark(marked: str, where: tuple[str, int]) -> tuple[str, dict, list[Problem]]:
    """Strip markup; return the sentence, the spans, and problems with the markup."""
    path, lineno = where
    problems, spans, plain, open_ = [], {}, [], None
    pos = 0
    for m in _MARKS.finditer(marked):
        plain.append(marked[pos:m.start()])
        pos = m.end()
        tok = m.group()
        kind = "source" if tok in ("[[", "]]") else "cue"
        opening = tok in ("[[", "{{")
        here = sum(map(len, plain))
        if opening:
            if open_:
                problems.append(Problem(path, lineno, kind, f"{tok} opens inside an open {open_[0]} span; spans cannot nest"))
                return "", {}, problems
            if kind in spans:
                problems.append(Problem(path, lineno, kind, f"a second {kind} span: mark one {kind} per sentence"))
                return "", {}, problems
            open_ = (kind, here)
        else:
            if not open_ or open_[0] != kind:
                problems.append(Problem(path, lineno, kind, f"{tok} closes a {kind} span that was never opened"))
                return "", {}, problems
            start = open_[1]
            open_ = None
            spans[kind] = (start, here)
    plain.append(marked[pos:])
    if open_:
        close = "]]" if open_[0] == "source" else "}}"
        problems.append(Problem(path, lineno, open_[0], f"the {open_[0]} span is never closed (missing {close})"))
    text = "".join(plain)
    out = {}
    for kind, (s, e) in spans.items():
        if e <= s or not text[s:e].strip():
            problems.append(Problem(path, lineno, kind, f"the {kind} span is empty"))
        else:
            out[kind] = {"text": text[s:e], "start": s, "end": e}
    return text, out, problems


def parse(text: str, path: str) -> tuple[list[dict], list[Problem]]:
    """Records (with label None where undecided) and every problem, from the format's text."""
    known_tags = set(phenomena())
    records, problems, meta, doc, seen = [], [], {}, None, {}
    positions: dict[str, int] = {}
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        if line.startswith("#"):
            m = _DOC.match(line)
            if m:
                doc = m.group(1)
                meta = dict(kv.split("=", 1) for kv in m.group(2).split())
                bad = sorted(set(meta) - set(DOC_FIELDS))
                if bad:
                    problems.append(Problem(path, lineno, "document", f"unknown field(s) {', '.join(bad)}; use {', '.join(DOC_FIELDS)}"))
            continue
        m = _LINE.match(line)
        if not m:
            problems.append(Problem(path, lineno, "line", "not of the form <id> <label> | <sentence> [|| tags]"))
            continue
        rid, label, marked, tags = m.group(1), m.group(2), m.group(3), m.group(4)
        if doc is None:
            problems.append(Problem(path, lineno, "document", "a sentence before any '# document <id>' line"))
            continue
        if label != UNDECIDED and label not in LABELS:
            problems.append(Problem(path, lineno, "label", f"{label!r} is not one of: {', '.join(LABELS)} (or {UNDECIDED})"))
            continue
        if rid in seen:
            problems.append(Problem(path, lineno, "id", f"{rid!r} already at line {seen[rid]}"))
            continue
        seen[rid] = lineno
        sentence, spans, span_problems = _unmark(marked, (path, lineno))
        problems += span_problems
        if span_problems:
            continue
        if not sentence.strip():
            problems.append(Problem(path, lineno, "text", "the sentence is empty"))
            continue
        tag_list = [t.strip() for t in tags.split(",") if t.strip()] if tags else []
        unknown = [t for t in tag_list if t not in known_tags]
        if unknown:
            problems.append(Problem(path, lineno, "phenomena", f"unknown tag(s) {', '.join(map(repr, unknown))}; see GUIDELINES.md section 5"))
            continue
        pos = positions.get(doc, 0)
        positions[doc] = pos + 1
        rec = {"id": rid, "doc_id": doc, "position": pos, "text": sentence,
               "label": None if label == UNDECIDED else label}
        if label != UNDECIDED or spans:  # an untouched sentence stays as segment wrote it
            rec.update(source=spans.get("source"), cue=spans.get("cue"))
        if label != UNDECIDED or spans or tag_list:
            rec["phenomena"] = tag_list
        rec.update({k: meta[k] for k in DOC_FIELDS if meta.get(k)})
        records.append(rec)
    if not records and not problems:
        problems.append(Problem(path, None, "file", "holds no sentences"))
    return records, problems


def compile_file(src: str | Path, out: str | Path, annotator: str | None = None, allow_undecided: bool = False,
                 log=None) -> int:
    """Read the plain-text format into a batch; every problem is reported and nothing is
    written unless all is well."""
    name = str(src)
    text = read_text(src)
    records, problems = parse(text, name)
    if not allow_undecided:
        for r in records:
            if r["label"] is None:
                line = next(i for i, l in enumerate(text.splitlines(), 1) if l.startswith(r["id"] + " "))
                problems.append(Problem(name, line, "label", f"{r['id']} is still undecided ({UNDECIDED}); give a label or pass --allow-undecided"))
    if problems:
        problems.sort(key=lambda p: p.line or 0)
        raise ProblemsFound(problems, f"{name}: {len(problems)} problem(s); nothing was written")
    for r in records:
        if r["label"] is None:
            del r["label"]
        elif annotator:
            r["annotations"] = [{"annotator": annotator, "label": r["label"]}]
    if log and not annotator and any("label" in r for r in records):
        log(f"{name}: no --annotator given, so the labels are nobody's: agree and combine need each pass compiled "
            "with --annotator NAME")
    write_jsonl_atomic(out, records)
    return len(records)
