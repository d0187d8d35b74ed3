"""Any Hugging Face `AutoModelForSequenceClassification` checkpoint (a folder, or a hub id
already in the local cache: nothing is downloaded in tests or CI) as a Gainsay model. Its
label names come from the checkpoint's `id2label`; foreign names are mapped with
`--label-map for=claim,against=denial,observing=attribution`."""
from __future__ import annotations

import numpy as np

from gainsay.corpus.labels import LABEL2ID, LABELS
from gainsay.problems import UsageError


def parse_label_map(text: str | None) -> dict[str, str]:
    """`a=claim,b=denial` -> {"a": "claim", "b": "denial"}, every target one of the labels."""
    out = {}
    for item in (text or "").split(","):
        if not item.strip():
            continue
        src, sep, dst = item.partition("=")
        if not sep or dst.strip() not in LABELS:
            raise UsageError(f"--label-map {item!r}: give NAME=LABEL pairs, each LABEL one of {', '.join(LABELS)}")
        out[src.strip()] = dst.strip()
    return out


class HFClassifier:
    gives_scores = True

    def __init__(self, path: str, label_map: str | None = None, batch_size: int = 32, device: str = "cpu"):
        try:
            import torch  # noqa: F401
            from transformers import AutoModelForSequenceClassification, AutoTokenizer
            from transformers.utils import logging as hf_logging
        except ImportError:
            from gainsay.problems import GainsayError

            raise GainsayError("--model hf:... needs the neural extra: pip install 'gainsay[neural]' "
                               "(torch and transformers)") from None
        from gainsay.baselines.encoder import setup_torch

        torch = setup_torch()
        hf_logging.set_verbosity_error()
        try:
            self.tokenizer = AutoTokenizer.from_pretrained(path)
            self.model = AutoModelForSequenceClassification.from_pretrained(path).to(device).eval()
        except (OSError, ValueError) as e:
            raise UsageError(f"hf:{path}: not a sequence-classification checkpoint that can be loaded offline "
                             f"({str(e).splitlines()[0][:160]})") from None
        mapping = parse_label_map(label_map)
        names = [self.model.config.id2label[i] for i in range(self.model.config.num_labels)]
        unmapped = [n for n in names if mapping.get(n, n) not in LABELS]
        if unmapped:
            raise UsageError(f"hf:{path}: label(s) {', '.join(map(repr, unmapped))} of the checkpoint are not "
                             f"{', '.join(LABELS)}; map them with --label-map NAME=LABEL,...")
        # column j of the model's output -> Gainsay label id (several columns may map to one label)
        self.columns = np.array([LABEL2ID[mapping.get(n, n)] for n in names])
        self.batch_size, self.device, self.torch = batch_size, device, torch

    def predict_proba(self, texts: list[str]) -> np.ndarray:
        torch = self.torch
        out = np.zeros((len(texts), len(LABELS)))
        with torch.inference_mode():
            for i in range(0, len(texts), self.batch_size):
                batch = self.tokenizer(texts[i:i + self.batch_size], padding=True, truncation=True, max_length=256,
                                       return_tensors="pt").to(self.device)
                probs = torch.softmax(self.model(**batch).logits, dim=-1).cpu().numpy()
                for j, label in enumerate(self.columns):
                    out[i:i + len(probs), label] += probs[:, j]
        return out

    def predict(self, texts):
        probs = self.predict_proba(texts)
        return probs.argmax(axis=1), probs
