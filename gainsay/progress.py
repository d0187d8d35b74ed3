"""Progress bars for long work, shown only on a terminal: in logs and CI output a bar would
be thousands of carriage-return lines."""
from __future__ import annotations


def progress(iterable=None, **kwargs):
    """`tqdm` that disables itself when stderr is not a terminal (tqdm's `disable=None`)."""
    from tqdm.auto import tqdm

    kwargs.setdefault("disable", None)
    return tqdm(iterable, **kwargs)
