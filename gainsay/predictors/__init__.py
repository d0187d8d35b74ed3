"""Models that are not Gainsay's own baselines, named on the command line by a prefix:
`hf:PATH_OR_ID` for any sequence-classification checkpoint. Each gives the same interface
as a baseline (`predict(texts) -> (label ids, probabilities)`), so predict, score and the
benchmark treat them alike."""
from __future__ import annotations

PREFIXES = ("hf:",)


def is_external(name: str) -> bool:
    return name.startswith(PREFIXES)


def load(name: str, label_map: str | None = None, batch_size: int = 32, device: str = "cpu"):
    """The model a prefixed name stands for."""
    if name.startswith("hf:"):
        from gainsay.predictors.hf import HFClassifier

        return HFClassifier(name[3:], label_map=label_map, batch_size=batch_size, device=device)
    raise KeyError(name)
