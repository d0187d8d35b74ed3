"""Gainsay: a benchmark of news sentences labelled claim, denial or attribution."""
from gainsay.corpus.labels import ID2LABEL, LABEL2ID, LABELS

__version__ = "0.1.0"


def load(*args, **kwargs):
    """Load the corpus as a `datasets.DatasetDict`; see `gainsay.hf.load`."""
    from gainsay.corpus.load import load as _load

    return _load(*args, **kwargs)


__all__ = ["LABELS", "LABEL2ID", "ID2LABEL", "load", "__version__"]
