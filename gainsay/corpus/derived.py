"""The files in data/ that are computed from the corpus (stats.json, profile.json): always
written together with the split files they describe, in one commit."""
from __future__ import annotations

from gainsay.corpus import profile, stats


def derived_files(splits: dict[str, list[dict]], challenge: list[dict]) -> dict[str, bytes]:
    return {"stats.json": stats.dumps(stats.compute_from(splits, challenge)),
            "profile.json": profile.dumps(profile.compute_from(splits))}
