"""MiniLM fine-tuned for 3-way classification on CPU: seeded, with a tqdm progress bar;
the epoch count is chosen on validation (the best epoch's weights are kept)."""
from __future__ import annotations

import copy
from pathlib import Path

import numpy as np

from gainsay.corpus.labels import ID2LABEL, LABEL2ID, LABELS
from gainsay.baselines.base import Baseline, read_json, texts_labels, write_json
from gainsay.baselines.encoder import model_path, setup_torch


def length_buckets(texts: list[str], batch_size: int, rng, pool: int = 50):
    """Batch indices for one epoch: shuffled, then sorted by length within pools of `pool`
    batches, so a batch pads little, and the batches shuffled again (seeded)."""
    order = rng.permutation(len(texts))
    batches = []
    for start in range(0, len(order), batch_size * pool):
        chunk = sorted(order[start:start + batch_size * pool], key=lambda j: len(texts[j]))
        batches += [np.array(chunk[i:i + batch_size]) for i in range(0, len(chunk), batch_size)]
    return [batches[k] for k in rng.permutation(len(batches))]


class Finetune(Baseline):
    name = "finetune"
    code = ("gainsay.baselines.encoder",)

    def __init__(self, settings=None, model=None, tokenizer=None, epochs: int | None = None):
        super().__init__(settings)
        self.model, self.tokenizer = model, tokenizer
        self.epochs = epochs or self.settings.get("epochs")

    def fit(self, train, validation):
        path = model_path()  # before the imports below: without the neural extra, say so
        from transformers import AutoModelForSequenceClassification, AutoTokenizer
        from transformers.utils import logging as hf_logging

        from gainsay.eval.metrics import macro_f1
        from gainsay.progress import progress

        cfg = self.settings
        batch_size, seed = cfg["batch"], cfg["seed"]
        torch = setup_torch(seed)
        hf_logging.set_verbosity_error()  # the new classification head's "newly initialized" notice
        self.tokenizer = AutoTokenizer.from_pretrained(path)
        self.model = AutoModelForSequenceClassification.from_pretrained(
            path, num_labels=len(LABELS), id2label=dict(ID2LABEL), label2id=dict(LABEL2ID))
        x_tr, y_tr = texts_labels(train)
        x_va, y_va = texts_labels(validation)
        optimizer = torch.optim.AdamW(self.model.parameters(), lr=cfg["learning_rate"],
                                      weight_decay=cfg["weight_decay"])
        steps = self.epochs * ((len(x_tr) + batch_size - 1) // batch_size)
        scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, lambda s: max(0.0, 1 - s / max(steps, 1)))
        rng = np.random.default_rng(seed)
        best, history = None, []
        with progress(total=steps, desc="finetune", unit="batch") as bar:
            for epoch in range(1, self.epochs + 1):
                self.model.train()
                for idx in length_buckets(x_tr, batch_size, rng):
                    batch = self.tokenizer([x_tr[j] for j in idx], padding=True, truncation=True,
                                           max_length=cfg["max_length"], return_tensors="pt")
                    loss = self.model(**batch, labels=torch.tensor(y_tr[idx])).loss
                    loss.backward()
                    torch.nn.utils.clip_grad_norm_(self.model.parameters(), 1.0)
                    optimizer.step()
                    scheduler.step()
                    optimizer.zero_grad()
                    bar.update(1)
                    bar.set_postfix(epoch=epoch, loss=f"{loss.item():.3f}")
                f1 = macro_f1(y_va, self.predict_proba(x_va).argmax(axis=1))
                history.append(f1)
                if best is None or f1 > best[0]:
                    best = (f1, epoch, copy.deepcopy(self.model.state_dict()))
        self.model.load_state_dict(best[2])
        self.epochs = best[1]
        return {"best_epoch": best[1], "validation_macro_f1_by_epoch": history}

    def predict_proba(self, texts):
        torch = setup_torch(self.settings["seed"])
        self.model.eval()
        size = self.settings["predict_batch"]
        order = np.argsort([len(t) for t in texts], kind="stable")  # similar lengths together: little padding
        out = np.zeros((len(texts), len(LABELS)))
        with torch.inference_mode():
            for i in range(0, len(order), size):
                idx = order[i:i + size]
                batch = self.tokenizer([texts[j] for j in idx], padding=True, truncation=True,
                                       max_length=self.settings["max_length"], return_tensors="pt")
                out[idx] = torch.softmax(self.model(**batch).logits, dim=-1).numpy()
        return out

    def save(self, folder: Path):
        self.model.save_pretrained(folder / "model", safe_serialization=True)
        self.tokenizer.save_pretrained(folder / "model")
        write_json(folder / "finetune.json", {"epochs": self.epochs})

    @classmethod
    def load(cls, folder: Path, settings: dict):
        model_path()  # the neural extra is needed to load the model too
        from transformers import AutoModelForSequenceClassification, AutoTokenizer

        setup_torch(settings["seed"])
        model = AutoModelForSequenceClassification.from_pretrained(folder / "model", use_safetensors=True)
        tok = AutoTokenizer.from_pretrained(folder / "model")
        return cls(settings, model.eval(), tok, read_json(folder / "finetune.json")["epochs"])
