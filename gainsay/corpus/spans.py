"""Turning a span's text into character offsets within its sentence."""
from __future__ import annotations

import re


def find_span(text: str, fragment: str | None, nth: int = 1) -> dict | None:
    """The nth occurrence of `fragment` in `text` as a span, or None when absent.

    Word-like ends only match at word boundaries, so "he" is not found inside "the".

    >>> find_span("Of the plan, he said little.", "he")
    {'text': 'he', 'start': 13, 'end': 15}
    >>> find_span("No, no, no.", "no", nth=2)
    {'text': 'no', 'start': 8, 'end': 10}
    """
    if not fragment:
        return None
    left = r"\b" if re.match(r"\w", fragment) else ""
    right = r"\b" if re.search(r"\w$", fragment) else ""
    matches = list(re.finditer(left + re.escape(fragment) + right, text))
    if len(matches) < nth:
        return None
    m = matches[nth - 1]
    return {"text": fragment, "start": m.start(), "end": m.end()}
