"""The baseline registry. A baseline is one module in this package plus one config file,
baselines/<name>/config.json at the top of the checkout (shipped in the wheel as
`gainsay.baseline_configs`): the config names the module and class, the order on the
leaderboard, whether the neural extra is needed, and the settings the class trains with.
Adding a baseline is adding those two files; nothing here changes.

Each baseline trains on `train`, tunes on `validation` only, and saves itself in formats
that load without executing code.
"""
from __future__ import annotations

import hashlib
import importlib
import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path


@dataclass(frozen=True)
class Spec:
    name: str
    module: str
    cls: str
    order: int
    neural: bool
    summary: str
    settings: dict

    def load_class(self):
        return getattr(importlib.import_module(self.module), self.cls)

    def build(self):
        """A new, untrained model with this config's settings."""
        return self.load_class()(settings=self.settings)

    def code_files(self) -> list[Path]:
        """The source files whose change must retrain the model: the module, the shared base
        and whatever the class lists in `code` (for example the encoder)."""
        cls = self.load_class()
        mods = [self.module, "gainsay.baselines.base", *getattr(cls, "code", ())]
        return [Path(importlib.import_module(m).__file__) for m in dict.fromkeys(mods)]

    def version(self) -> str:
        """A hash of the baseline's code and its config: any change retrains it."""
        h = hashlib.sha256(json.dumps(self.settings, sort_keys=True).encode())
        h.update(f"{self.module}:{self.cls}".encode())
        for path in self.code_files():
            h.update(path.read_bytes())
        return h.hexdigest()[:16]


def _config_root():
    return resources.files("gainsay.baseline_configs")


@lru_cache(maxsize=None)
def specs() -> dict[str, Spec]:
    """Every registered baseline, in leaderboard order."""
    found = []
    for entry in _config_root().iterdir():
        cfg = entry / "config.json"
        if entry.is_dir() and cfg.is_file():
            c = json.loads(cfg.read_text(encoding="utf-8"))
            found.append(Spec(entry.name, c["module"], c["class"], c["order"], c.get("neural", False),
                              c.get("summary", ""), c.get("settings", {})))
    return {s.name: s for s in sorted(found, key=lambda s: (s.order, s.name))}


def names() -> tuple[str, ...]:
    return tuple(specs())


def get(name: str) -> Spec:
    try:
        return specs()[name]
    except KeyError:
        from gainsay.problems import UsageError

        raise UsageError(f"unknown model {name!r}; choose one of {', '.join(specs())}") from None
