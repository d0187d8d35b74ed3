"""Validation of corpus files: schema, spans and labels per record; ids, documents,
positions and duplicate texts across records. Returns problems; never raises on bad data."""
from __future__ import annotations

from collections import defaultdict
from hashlib import blake2b
from dataclasses import dataclass, field
from pathlib import Path

from gainsay.corpus.io import iter_jsonl, no_cyclic_gc
from gainsay.corpus.labels import LABELS
from gainsay.problems import Problem
from gainsay.corpus.fastcheck import record_ok
from gainsay.corpus.schema import schema_problems


def normalise_text(text: str) -> str:
    """The key under which two texts count as the same (case and spacing ignored)."""
    return " ".join(text.split()).casefold()


def span_problems(record: dict) -> list[tuple[str, str]]:
    out = []
    text = record["text"]
    for name in ("source", "cue"):
        span = record.get(name)
        if not span:
            continue
        start, end = span["start"], span["end"]
        if text[start:end] == span["text"] and start < end:
            continue
        if end <= start or end > len(text):
            out.append((f"{name}.end", f"offsets {start}-{end} do not fit a text of {len(text)} characters"))
        else:
            out.append((name, f"offsets {start}-{end} point at {text[start:end]!r}, not {span['text']!r}"))
    return out


# Sentences whose attribution or rejection is signalled in another sentence (GUIDELINES
# section 8): a quote's later sentences, the content half of a split attribution, a post.
SIGNAL_ELSEWHERE = frozenset(("quote_continuation", "split_attribution", "social_post"))


def label_problems(record: dict) -> list[tuple[str, str]]:
    """Rules of the scheme the schema cannot state."""
    out = []
    label = record["label"]
    if label == "claim":
        for name in ("source", "cue"):
            if record.get(name):
                out.append((name, "a claim is in the writer's voice: this span must be null"))
    elif not record.get("cue") and not SIGNAL_ELSEWHERE.intersection(record.get("phenomena") or ()):
        out.append(("cue", f"a span is required for {label}: what signals the {'rejection' if label == 'denial' else 'attribution'}"))
    anns = record.get("annotations")
    if anns:
        names = [a["annotator"] for a in anns]
        if len(set(names)) != len(names):
            seen = set()
            for i, who in enumerate(names):
                if who in seen:
                    out.append((f"annotations.{i}.annotator", f"{who!r} appears twice; keep one label per annotator"))
                seen.add(who)
    adj = record.get("adjudication")
    if adj:
        if adj["label"] != label:
            out.append(("adjudication.label", f"{adj['label']!r} differs from the record's label {label!r}"))
    elif anns:
        for a in anns:
            if a["label"] == label:
                break
        else:
            out.append(("label", f"{label!r} is no annotator's label and there is no adjudication"))
    return out


def check_record(record: dict) -> list[tuple[str, str]]:
    """(field, message) problems of one record read alone."""
    found = [] if record_ok(record) else schema_problems(record)
    if found:
        return found
    return span_problems(record) + label_problems(record)


def _at(where: tuple[str, int]) -> str:
    return f"{where[0]}:{where[1]}"


@dataclass
class CorpusIndex:
    """What cross-record checks need to remember: first places of ids, documents, texts."""
    ids: dict = field(default_factory=dict)
    doc_files: dict = field(default_factory=dict)
    positions: dict = field(default_factory=lambda: defaultdict(list))
    texts: dict = field(default_factory=dict)

    def add(self, path: str, lineno: int, record: dict) -> list[Problem]:
        # places are kept as (path, line) and formatted only when a problem is reported
        out = []
        where = (path, lineno)
        rid = record["id"]
        first_id = self.ids.setdefault(rid, where)
        if first_id is not where:
            out.append(Problem(path, lineno, "id", f"{rid!r} is already used at {_at(first_id)}"))
        doc = record["doc_id"]
        files = self.doc_files.get(doc)
        if files is None:
            self.doc_files[doc] = {path: where}
        elif path not in files:
            other = next(iter(files.values()))
            files[path] = where
            out.append(Problem(path, lineno, "doc_id", f"document {doc!r} is also in {_at(other)}; a document belongs to one split"))
        self.positions[doc].append((path, record["position"], lineno))
        # a 16-byte digest stands for the text, so memory grows with the number of records only
        key = blake2b(normalise_text(record["text"]).encode("utf-8"), digest_size=16).digest()
        first_text = self.texts.setdefault(key, where)
        if first_text is not where:
            out.append(Problem(path, lineno, "text", f"same text as {_at(first_text)}"))
        return out

    def position_problems(self, unreadable: set[str] = frozenset()) -> list[Problem]:
        """Repeated positions, and gaps (except in files with unreadable lines, which may
        hold the missing positions and are reported already)."""
        out = []
        for doc, items in self.positions.items():
            seen: dict[int, str] = {}
            for path, pos, lineno in items:
                if pos in seen:
                    out.append(Problem(path, lineno, "position", f"document {doc!r} already has position {pos} at {seen[pos]}"))
                seen.setdefault(pos, f"{path}:{lineno}")
            missing = sorted(set(range(int(max(seen)) + 1)) - set(seen))  # int(): the schema allows 2.0
            if missing and not unreadable & {path for path, _, _ in items}:
                path, _, lineno = items[0]
                shown = ", ".join(map(str, missing[:5])) + (" ..." if len(missing) > 5 else "")
                out.append(Problem(path, lineno, "position", f"document {doc!r} lacks position(s) {shown}; positions run 0, 1, 2, ... with no gap"))
        return out


@dataclass
class Report:
    files: list[str]
    records: int
    problems: list[Problem]

    @property
    def ok(self) -> bool:
        return not self.problems

    def as_dict(self) -> dict:
        return {"ok": self.ok, "files": self.files, "records": self.records,
                "problems": [p.as_dict() for p in self.problems]}


def validate_files(paths: list[Path], index: CorpusIndex | None = None) -> Report:
    """Validate files together (one corpus). Pass an index to check against records seen before."""
    with no_cyclic_gc():
        return _validate_files(paths, index or CorpusIndex())


def _validate_files(paths: list[Path], index: CorpusIndex) -> Report:
    problems: list[Problem] = []
    unreadable: set[str] = set()
    n = 0
    for path in paths:
        name = str(path)
        for lineno, record, problem in iter_jsonl(path):
            if problem:
                problems.append(problem)
                unreadable.add(name)
                continue
            n += 1
            own = check_record(record)
            if not own:
                problems.extend(index.add(name, lineno, record))
                continue
            problems.extend(Problem(name, lineno, f, m) for f, m in own)
            if all(isinstance(record.get(k), t) for k, t in (("id", str), ("doc_id", str), ("position", int), ("text", str))):
                problems.extend(index.add(name, lineno, record))
    problems.extend(index.position_problems(unreadable))
    problems.sort(key=lambda p: (p.path, p.line or 0))
    return Report([str(p) for p in paths], n, problems)


__all__ = ["validate_files", "check_record", "Report", "CorpusIndex", "normalise_text", "LABELS"]
