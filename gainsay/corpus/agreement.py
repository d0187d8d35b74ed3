"""Agreement between annotators: Krippendorff's alpha (nominal) over all annotators,
Cohen's kappa per pair, and the confusion between two annotators' labels."""
from __future__ import annotations

from itertools import combinations

import numpy as np

from gainsay.corpus.labels import LABEL2ID, LABELS


def annotator_table(records: list[dict]) -> tuple[list[str], np.ndarray]:
    """Annotators x items matrix of label ids, NaN where an annotator did not label an item."""
    annotators = sorted({a["annotator"] for r in records for a in r.get("annotations") or []})
    row = {a: i for i, a in enumerate(annotators)}
    table = np.full((len(annotators), len(records)), np.nan)
    for j, r in enumerate(records):
        for a in r.get("annotations") or []:
            table[row[a["annotator"]], j] = LABEL2ID[a["label"]]
    return annotators, table


def alpha(records: list[dict]) -> float | None:
    """Krippendorff's alpha, nominal, over every item with two or more labels."""
    import krippendorff

    _, table = annotator_table(records)
    usable = (~np.isnan(table)).sum(axis=0) >= 2
    if usable.sum() == 0 or len(np.unique(table[:, usable][~np.isnan(table[:, usable])])) < 2:
        return None
    return float(krippendorff.alpha(reliability_data=table[:, usable], level_of_measurement="nominal",
                                    value_domain=list(range(len(LABELS)))))


def pass_pairs(records: list[dict]) -> tuple[list[str], list[str]]:
    """Labels of the first and the second annotation of every doubly annotated record
    (pass 1 and pass 2, whoever the annotators were)."""
    first, second = [], []
    for r in records:
        anns = r.get("annotations") or []
        if len(anns) >= 2:
            first.append(anns[0]["label"])
            second.append(anns[1]["label"])
    return first, second


def kappa(a: list[str], b: list[str]) -> float | None:
    from sklearn.metrics import cohen_kappa_score

    if not a or len(set(a) | set(b)) < 2:
        return None
    return float(cohen_kappa_score(a, b, labels=list(LABELS)))


def confusion(a: list[str], b: list[str]) -> list[list[int]]:
    """Rows: the first labelling; columns: the second; in label order."""
    from sklearn.metrics import confusion_matrix

    return confusion_matrix(a, b, labels=list(LABELS)).tolist() if a else [[0] * len(LABELS) for _ in LABELS]


def pairwise_kappa(records: list[dict]) -> list[dict]:
    """Cohen's kappa, observed agreement and the confusion (rows a, columns b) for each pair
    of annotators, over the items both labelled."""
    annotators, table = annotator_table(records)
    out = []
    for i, j in combinations(range(len(annotators)), 2):
        both = ~np.isnan(table[i]) & ~np.isnan(table[j])
        if both.sum() == 0:
            continue
        a = [LABELS[int(x)] for x in table[i, both]]
        b = [LABELS[int(x)] for x in table[j, both]]
        out.append({"a": annotators[i], "b": annotators[j], "items": int(both.sum()),
                    "kappa": kappa(a, b), "observed": float(np.mean(np.array(a) == np.array(b))),
                    "confusion_rows_a_cols_b": confusion(a, b)})
    return out


def summary(records: list[dict]) -> dict:
    """Alpha over all annotators; kappa, observed agreement and confusion between passes."""
    a, b = pass_pairs(records)
    return {
        "items_double_annotated": len(a),
        "krippendorff_alpha_nominal": alpha(records),
        "cohen_kappa_pass1_pass2": kappa(a, b),
        "observed_agreement": float(np.mean(np.array(a) == np.array(b))) if a else None,
        "confusion_pass1_rows_pass2_cols": confusion(a, b),
    }
