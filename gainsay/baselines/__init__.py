"""The baselines, from trivial to a fine-tuned transformer. Each trains on `train`, tunes
on `validation` only, and saves itself in formats that load without executing code."""
from __future__ import annotations

NAMES = ("majority", "rules", "tfidf", "embed", "finetune")
NEURAL = ("embed", "finetune")


def get(name: str):
    """The baseline class of a name."""
    if name == "majority":
        from .majority import Majority as cls
    elif name == "rules":
        from .rules import Rules as cls
    elif name == "tfidf":
        from .tfidf import Tfidf as cls
    elif name == "embed":
        from .embed import Embed as cls
    elif name == "finetune":
        from .finetune import Finetune as cls
    else:
        raise KeyError(name)
    return cls
