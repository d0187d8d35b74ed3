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
