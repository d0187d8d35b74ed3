"""Splitting an article into sentence records: first line the headline, then one
paragraph per line (or, with `unwrap`, per block of lines between blank lines), each
paragraph split with pysbd. Lines that are document metadata by the guidelines (section 8:
bylines, timestamps, standalone datelines, "Follow us", share and "Related" lines, photo
credits) are left out and named; captions, corrections, posts and table rows stay."""
from __future__ import annotations

import re
from functools import lru_cache

_PUNCT_ONLY = re.compile(r"^[\W_]+$")
MAX_ARTICLE_BYTES = 1_000_000  # far above any news article; a whole archive belongs in many documents
METADATA = re.compile(
    r"^(?:by\s+[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*)*(?:\s+and\s+[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*)*)?\s*$"
    r"|(?:updated|published|posted|last updated)\b.{0,60}$"
    r"|\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,4})?\s*$"
    r"|follow\s+(?:us|@\w+|\w+(?:\s+\w+)?\s+on)\b.*$"
    r"|(?:share|share this article|related|read more|photo|credit|reporting by|editing by)\s*[:|].*$"
    r"|(?:share|print|email|advertisement|\(crosstalk\)|\(laughter\))\s*$"
    r"|[A-Z][A-Z .'-]{2,}(?:,\s*[A-Z][\w .'-]+)?\s*(?:\([^)]*\))?\s*[-\u2014\u2013]+\s*$)",
    re.IGNORECASE)


@lru_cache(maxsize=1)
def _segmenter():
    import pysbd

    return pysbd.Segmenter(language="en", clean=False)


def split_paragraph(paragraph: str) -> list[str]:
    """Sentences of one paragraph.

    pysbd leaves a stray piece of bare punctuation after some numbers ("in 2024..."):
    such a piece is merged back into the sentence before it.

    >>> split_paragraph("Talks ended in 2024... A deal followed. It held.")
    ['Talks ended in 2024...', 'A deal followed.', 'It held.']
    """
    out: list[str] = []
    for piece in _segmenter().segment(paragraph):
        piece = piece.strip()
        if not piece:
            continue
        if out and _PUNCT_ONLY.match(piece):
            out[-1] += piece
        else:
            out.append(piece)
    return out


def is_metadata(line: str) -> bool:
    """A line the guidelines treat as document metadata, never a record.

    >>> [is_metadata(x) for x in ("By Dana Holt", "Updated 14:32 GMT", "Follow us on Chirp", "The ferry sank.")]
    [True, True, True, False]
    """
    return bool(METADATA.match(line.strip()))


def paragraphs(text: str, unwrap: bool = False, dropped: list | None = None) -> list[str]:
    """The headline (the first non-empty line) and the paragraphs after it: one per line, or,
    with `unwrap`, one per blank-line-separated block with its lines joined. Metadata lines
    are left out of the body (and appended to `dropped`)."""
    lines = text.replace("\r\n", "\n").split("\n")
    while lines and not lines[0].strip():
        lines.pop(0)
    if not lines:
        return []
    out, block = [lines[0].strip()], []
    for line in lines[1:] + [""]:
        line = line.strip()
        if line and is_metadata(line):
            if dropped is not None:
                dropped.append(line)
            continue
        if not unwrap:
            if line:
                out.append(line)
        elif line:
            block.append(line)
        elif block:
            out.append(" ".join(block))
            block = []
    return out


def looks_hard_wrapped(lines: list[str]) -> bool:
    """Most body lines break inside a sentence (no closing punctuation, the next line goes on
    in lower case): the sign of text wrapped at a fixed width."""
    body = lines[1:]
    if len(body) < 4:
        return False
    broken = sum(1 for a, b in zip(body, body[1:]) if not re.search(r"[.!?:\"'\u201d\u2019)]$", a) and b[:1].islower())
    return broken >= len(body) / 3


def split_article(text: str, unwrap: bool = False, dropped: list | None = None) -> list[str]:
    """Sentences of an article: the first non-empty line is the headline, kept whole;
    metadata lines are left out (and appended to `dropped`)."""
    parts = paragraphs(text, unwrap, dropped)
    if not parts:
        return []
    sentences = [parts[0]]
    for paragraph in parts[1:]:
        sentences.extend(split_paragraph(paragraph))
    return sentences


def segment_records(text: str, doc_id: str, origin: str = "contributed", topic: str | None = None,
                    genre: str | None = None, unwrap: bool = False, dropped: list | None = None) -> list[dict]:
    """Unlabelled records, one per sentence; ids <doc_id>-<position>; the headline tagged."""
    out = []
    for i, sentence in enumerate(split_article(text, unwrap, dropped)):
        r = {"id": f"{doc_id}-{i:02d}", "doc_id": doc_id, "position": i, "text": sentence, "origin": origin,
             "portion": "natural"}
        if i == 0:
            r["phenomena"] = ["headline"]
        if topic:
            r["topic"] = topic
        if genre:
            r["genre"] = genre
        out.append(r)
    return out


def segment_file(article, out, doc_id: str, origin: str = "contributed", topic=None, genre=None,
                 unwrap: bool = False, log=print) -> int:

    from gainsay.corpus.io import read_text, write_jsonl_atomic
    from gainsay.problems import Problem, ProblemsFound, UsageError
    from gainsay.corpus.schema import schema_problems

    probe = {"id": f"{doc_id}-00", "doc_id": doc_id, "position": 0, "text": "x", "label": "claim", "origin": origin}
    if topic:
        probe["topic"] = topic
    if genre:
        probe["genre"] = genre
    bad = [(f, m) for f, m in schema_problems(probe) if f in ("doc_id", "topic", "genre", "origin")]
    if bad:
        raise UsageError("; ".join(f"--{f.replace('_', '-')}: {m}" for f, m in bad))
    from pathlib import Path

    from gainsay.corpus.schema import load_schema

    size = Path(article).stat().st_size
    if size > MAX_ARTICLE_BYTES:
        raise ProblemsFound([Problem(str(article), None, "file", f"is {size:,} bytes; an article is at most "
                                     f"{MAX_ARTICLE_BYTES:,} (split a longer text into several documents)")])
    text = read_text(article)
    if not unwrap and looks_hard_wrapped(paragraphs(text)):
        log(f"{article}: the lines look hard-wrapped (broken inside sentences); each line is read as a paragraph, "
            "so sentences may be cut: give --unwrap to join the lines of each blank-line-separated paragraph")
    dropped: list[str] = []
    records = segment_records(text, doc_id, origin, topic, genre, unwrap, dropped)
    if dropped:
        log(f"{article}: left out {len(dropped)} metadata line(s) (bylines, timestamps, ...): "
            + "; ".join(repr(d[:40]) for d in dropped[:5]) + (" ..." if len(dropped) > 5 else ""))
    if not records:
        raise ProblemsFound([Problem(str(article), None, "file", "holds no text")])
    most = load_schema("record")["properties"]["position"]["maximum"] + 1
    if len(records) > most:
        raise ProblemsFound([Problem(str(article), None, "file", f"gives {len(records):,} sentences; a document holds "
                                     f"at most {most:,} (split it into several documents)")])
    write_jsonl_atomic(out, records)
    return len(records)
