"""Gainsay: a benchmark of news sentences labelled claim, denial or attribution.

    gainsay.load()                   the corpus as a datasets.DatasetDict
    gainsay.score(gold, predictions) a report, with its tables as DataFrames
    gainsay.predict(model, texts)    a baseline's labels as a DataFrame
"""
from gainsay.corpus.labels import ID2LABEL, LABEL2ID, LABELS

__version__ = "0.2.0"


def load(*args, **kwargs):
    """Load the corpus as a `datasets.DatasetDict`; see `gainsay.corpus.load.load`."""
    from gainsay.corpus.load import load as _load

    return _load(*args, **kwargs)


def score(gold, predictions):
    """Score predictions against gold; see `gainsay.api.score`."""
    from gainsay.api import score as _score

    return _score(gold, predictions)


def predict(model_name, texts):
    """Label texts with a baseline; see `gainsay.api.predict`."""
    from gainsay.api import predict as _predict

    return _predict(model_name, texts)


__all__ = ["LABELS", "LABEL2ID", "ID2LABEL", "load", "score", "predict", "__version__"]
