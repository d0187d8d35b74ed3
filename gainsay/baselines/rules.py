"""A transparent cue-lexicon rule system: the scheme's decision order applied to surface
cues. Its score shows how much the cue words alone give away. Nothing is learned; the
lexicon below is the whole model."""
from __future__ import annotations

import re
from pathlib import Path

import numpy as np

from gainsay.corpus.labels import LABEL2ID, LABELS
from gainsay.baselines.base import Baseline, write_json

# Words and phrases of rejecting (rule 1 of the scheme).
DENIAL = [
    r"den(?:y|ies|ied|ying|ial|ials)", r"reject(?:s|ed|ing)?", r"dismiss(?:es|ed|ing)?",
    r"refut(?:e|es|ed|ing)", r"rebut(?:s|ted|ting)?", r"disput(?:e|es|ed|ing)", r"contest(?:s|ed|ing)?",
    r"false(?:ly|hood)?", r"baseless", r"unfounded", r"untrue", r"fabricat(?:ed|ion)", r"nonsense",
    r"hoax", r"no truth", r"no evidence", r"no basis", r"not true", r"inaccurate", r"misleading",
    r"wrong", r"categorically", r"never", r"not a single", r"lies?", r"myth", r"rubbish",
    r"pushed back", r"shot down", r"laughed off", r"scoffed", r"debunk(?:s|ed)?", r"fiction",
]
# Reporting cues, evidentials and headline tags (rule 2).
ATTRIBUTION = [
    r"said", r"says", r"say", r"told", r"tells", r"according to", r"stated?", r"states",
    r"claim(?:s|ed)?", r"alleg(?:e|es|ed|edly)", r"reported(?:ly)?", r"reports?", r"announced?",
    r"insist(?:s|ed)?", r"argu(?:e|es|ed)", r"maintain(?:s|ed)?", r"warn(?:s|ed)", r"predict(?:s|ed)",
    r"believ(?:e|es|ed)", r"confirm(?:s|ed)", r"acknowledg(?:e|es|ed)", r"wrote", r"writes",
    r"posted", r"added", r"noted", r"urged?", r"called for", r"welcomed?", r"condemned?",
    r"is said to", r"are said to", r"sources?", r"spokes(?:man|woman|person)", r"officials?",
    r"estimat(?:e|es|ed)", r"testified", r"conceded?", r"cited", r"per",
]
_DENIAL = re.compile(r"\b(?:" + "|".join(DENIAL) + r")\b", re.IGNORECASE)
_ATTRIBUTION = re.compile(r"\b(?:" + "|".join(ATTRIBUTION) + r")\b", re.IGNORECASE)
_QUOTE = re.compile(r"[\"“”]")


def rule_label(text: str) -> str:
    """The first rule that fires: a rejecting cue, then a reporting cue or a quotation.

    >>> rule_label("The club called the report baseless.")
    'denial'
    >>> rule_label("The plant will close, two managers said.")
    'attribution'
    >>> rule_label("The vote was postponed to March.")
    'claim'
    """
    if _DENIAL.search(text):
        return "denial"
    if _ATTRIBUTION.search(text) or _QUOTE.search(text):
        return "attribution"
    return "claim"


class Rules(Baseline):
    name = "rules"
    gives_scores = False
    trains = False

    def fit(self, train, validation):
        return {"learned": "nothing: the lexicon is fixed"}

    def predict_proba(self, texts):
        out = np.zeros((len(texts), len(LABELS)))
        for i, t in enumerate(texts):
            out[i, LABEL2ID[rule_label(t)]] = 1.0
        return out

    def save(self, folder: Path):
        write_json(folder / "rules.json", {"denial": DENIAL, "attribution": ATTRIBUTION})

    @classmethod
    def load(cls, folder: Path, settings: dict):
        return cls(settings)
