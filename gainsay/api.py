"""The Python API for notebooks: `gainsay.score` and `gainsay.predict`.

Both go through the same strict readers and the same report as the command line, so a
notebook and `gainsay score` give identical numbers; tables come back as pandas DataFrames.
Wrong argument types raise TypeError or ValueError; problems in the data raise
`gainsay.problems.ProblemsFound`, whose `.problems` list each line and field.
"""
from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from gainsay.corpus.labels import LABELS


@dataclass
class ScoreReport:
    """The report `gainsay score --json` writes (`.data`), with its tables as DataFrames."""
    data: dict

    def __getitem__(self, key):
        return self.data[key]

    @property
    def macro_f1(self) -> float:
        return self.data["macro_f1"]

    @property
    def per_label(self):
        import pandas as pd

        return pd.DataFrame(self.data["per_label"]).T.rename_axis("label")

    @property
    def confusion(self):
        """Rows gold, columns predicted."""
        import pandas as pd

        cm = self.data["confusion_matrix"]
        return pd.DataFrame(cm["matrix"], index=pd.Index(cm["labels"], name="gold"),
                            columns=pd.Index(cm["labels"], name="predicted"))

    def breakdown(self, by: str):
        """One breakdown (portion, position, origin, phenomena) as a DataFrame."""
        import pandas as pd

        part = self.data["breakdowns"].get(by)
        if part is None:
            raise KeyError(f"no breakdown {by!r}; there are: {', '.join(self.data['breakdowns'])}")
        return pd.DataFrame(part).T.rename_axis(by)

    def to_markdown(self) -> str:
        from gainsay.eval.report import to_markdown

        return to_markdown(self.data)


def _records_of_gold(gold) -> tuple[Path | None, list[dict] | None]:
    if isinstance(gold, (str, os.PathLike)):
        return Path(gold), None
    if hasattr(gold, "features") and hasattr(gold, "to_list"):  # a datasets.Dataset
        names = getattr(gold.features.get("label"), "names", None)
        rows = gold.to_list()
        if names:
            rows = [{**r, "label": names[r["label"]] if isinstance(r["label"], int) else r["label"]} for r in rows]
        return None, rows
    if isinstance(gold, list):
        return None, gold
    raise TypeError("gold: give a JSONL path, a datasets split or a list of records")


def _prediction_lines(predictions, gold_ids: list[str]) -> list[dict]:
    """Prediction lines from a list / array / column of labels (aligned with gold), a
    DataFrame with id and label columns, or a list of {id, label} dicts."""
    if hasattr(predictions, "columns"):  # a DataFrame
        if not {"id", "label"} <= set(predictions.columns):
            raise ValueError("predictions: a DataFrame needs id and label columns")
        return [{k: v for k, v in row.items() if k in ("id", "label", "scores")}
                for row in predictions.to_dict("records")]
    values = list(predictions.tolist() if hasattr(predictions, "tolist") else predictions)
    if values and isinstance(values[0], dict):
        return values
    if len(values) != len(gold_ids):
        raise ValueError(f"predictions: {len(values)} labels for {len(gold_ids)} gold items; a list of labels "
                         "must follow the gold order (or give {id, label} records)")
    return [{"id": i, "label": LABELS[v] if isinstance(v, int) and not isinstance(v, bool) and 0 <= v < len(LABELS) else v}
            for i, v in zip(gold_ids, values)]


def score(gold, predictions) -> ScoreReport:
    """Score predictions against gold, as `gainsay score` does.

    gold: a JSONL path, a `datasets` split (e.g. `gainsay.load()["test"]`) or a list of records.
    predictions: a list, array or `datasets` column of labels in gold order (names, or ids in
    the order claim, denial, attribution); a DataFrame with `id` and `label` (and optional
    `scores`); or a predictions JSONL path.

    >>> from gainsay.corpus.locate import data_dir
    >>> from gainsay.corpus.records import read_records
    >>> gold = read_records(data_dir() / "test.jsonl")
    >>> report = score(gold, [r["label"] for r in gold])
    >>> report.macro_f1
    1.0
    >>> float(report.per_label.loc["denial", "f1"])
    1.0
    >>> list(report.confusion.columns)
    ['claim', 'denial', 'attribution']
    """
    from gainsay.corpus.io import write_jsonl_atomic
    from gainsay.eval.inputs import read_gold, read_predictions
    from gainsay.eval.score import score as score_gold

    path, rows = _records_of_gold(gold)
    with tempfile.TemporaryDirectory() as tmp:
        if path is None:
            path = Path(tmp) / "gold.jsonl"
            write_jsonl_atomic(path, rows)
        g = read_gold(path)
        if isinstance(predictions, (str, os.PathLike)):
            pred_path = Path(predictions)
        else:
            pred_path = Path(tmp) / "predictions.jsonl"
            write_jsonl_atomic(pred_path, _prediction_lines(predictions, g.ids))
        report = score_gold(g, read_predictions(pred_path, g))
    return ScoreReport(json.loads(json.dumps(report)))


def predict(model_name: str, texts: list[str]):
    """Label texts with a baseline (trained on the corpus and cached on first use); returns a
    DataFrame with the text, the label and, where the model gives them, one probability
    column per label.

    >>> predict("rules", ["The ministry denied the report.", "Rain is forecast."])["label"].tolist()
    ['denial', 'claim']
    """
    import pandas as pd

    from gainsay.baselines.cache import get_model
    from gainsay.baselines.predict import prediction_lines

    texts = list(texts)
    model, _ = get_model(model_name, log=lambda *_: None)
    lines = prediction_lines([{"id": str(i), "text": t} for i, t in enumerate(texts)], model)
    frame = pd.DataFrame({"text": texts, "label": [l["label"] for l in lines]})
    if lines and "scores" in lines[0]:
        for label in LABELS:
            frame[label] = [l["scores"][label] for l in lines]
    return frame
