"""Splitting an article into sentence records: first line the headline, then one
paragraph per line, each paragraph split with pysbd."""
from __future__ import annotations

import re
from functools import lru_cache

_PUNCT_ONLY = re.compile(r"^[\W_]+$")


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


def split_article(text: str) -> list[str]:
    """Sentences of an article: the first non-empty line is the headline, kept whole."""
    lines = [line.strip() for line in text.replace("\r\n", "\n").split("\n")]
    lines = [line for line in lines if line]
    if not lines:
        return []
    sentences = [lines[0]]
    for paragraph in lines[1:]:
        sentences.extend(split_paragraph(paragraph))
    return sentences


def segment_records(text: str, doc_id: str, origin: str = "contributed", topic: str | None = None,
                    genre: str | None = None) -> list[dict]:
    """Unlabelled records, one per sentence; ids <doc_id>-<position>."""
    out = []
    for i, sentence in enumerate(split_article(text)):
        r = {"id": f"{doc_id}-{i:02d}", "doc_id": doc_id, "position": i, "text": sentence, "origin": origin}
        if topic:
            r["topic"] = topic
        if genre:
            r["genre"] = genre
        out.append(r)
    return out


def segment_file(article, out, doc_id: str, origin: str = "contributed", topic=None, genre=None) -> int:

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
    text = read_text(article)
    records = segment_records(text, doc_id, origin, topic, genre)
    if not records:
        raise ProblemsFound([Problem(str(article), None, "file", "holds no text")])
    write_jsonl_atomic(out, records)
    return len(records)
