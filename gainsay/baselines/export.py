"""The fine-tuned baseline as a standard Hugging Face checkpoint: safetensors weights, a
config whose id2label names Gainsay's labels, the tokenizer files and a model card with the
published scores. `gainsay predict --model hf:DIR` scores it exactly as `--model finetune`."""
from __future__ import annotations

import json
from pathlib import Path

from gainsay.corpus.labels import LABELS


def model_card(scores: dict | None, settings: dict) -> str:
    lines = ["---", "library_name: transformers", "pipeline_tag: text-classification", "license: mit",
             "base_model: sentence-transformers/all-MiniLM-L6-v2", "language:", "- en", "tags:", "- gainsay",
             "- stance", "- attribution", "---", "", "# Gainsay fine-tuned baseline", "",
             "all-MiniLM-L6-v2 fine-tuned to label a news sentence `claim`, `denial` or `attribution`, "
             "as defined by the Gainsay guidelines (GUIDELINES.md of the Gainsay project).", "",
             f"Labels (`id2label`): {', '.join(f'{i} = {l}' for i, l in enumerate(LABELS))}.", "",
             f"Training settings: `{json.dumps(settings, sort_keys=True)}`.", ""]
    if scores:
        lines += ["## Scores on the Gainsay test split", "", "| metric | value |", "|---|---:|"]
        lines += [f"| {k} | {100 * v:.1f} |" for k, v in scores.items() if isinstance(v, float)]
        lines.append("")
    lines += ["Use: `gainsay predict --model hf:THIS_FOLDER --input sentences.jsonl --out predictions.jsonl`, or "
              "`AutoModelForSequenceClassification.from_pretrained(THIS_FOLDER)`.", ""]
    return "\n".join(lines)


def export_finetune(model, out: str | Path, scores: dict | None = None) -> Path:
    """Write a trained `Finetune` model as a checkpoint folder."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    model.model.save_pretrained(out, safe_serialization=True)
    model.tokenizer.save_pretrained(out)
    (out / "README.md").write_text(model_card(scores, model.settings), encoding="utf-8")
    return out


def published_scores(root: Path | None) -> dict | None:
    """The fine-tuned baseline's published test scores, when run from a checkout."""
    if root is None:
        return None
    report = root / "eval" / "test" / "finetune" / "report.json"
    if not report.exists():
        return None
    r = json.loads(report.read_text(encoding="utf-8"))
    return {k: r[k] for k in ("macro_f1", "accuracy", *(f"f1_{l}" for l in LABELS)) if k in r}
