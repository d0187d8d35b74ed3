"""Speed and memory of `gainsay score` on 1,000,000 synthetic predictions (not a test).

Measures, each in a fresh process: a bare parse of the gold and predictions files with the
same JSON library (json.loads per line), and the full scoring path (read and check gold,
read and check predictions, compute the report). Reports wall time, peak memory (max RSS)
and the ratio score / parse. Target: ratio <= 2.

    python benchmarks/score_speed.py [--n 1000000] [--out results/speed/score.json]
"""
from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

LABELS = ("claim", "denial", "attribution")
TAGS = ("quote", "negation", "hedge", "attributed_denial", "anonymous_source", "headline")


def make_files(folder: Path, n: int, seed: int = 0) -> tuple[Path, Path]:
    rng = random.Random(seed)
    gold, pred = folder / "gold.jsonl", folder / "pred.jsonl"
    with open(gold, "w") as g, open(pred, "w") as p:
        for i in range(n):
            label = rng.choice(LABELS)
            doc, pos = f"s{i // 15:06d}", i % 15
            g.write(json.dumps({"id": f"{doc}-{pos:02d}", "doc_id": doc, "position": pos,
                                "text": f"Synthetic sentence {i} for the speed benchmark.", "label": label,
                                "phenomena": rng.sample(TAGS, rng.randint(0, 2)), "origin": "authored",
                                "annotations": [{"annotator": "a", "label": label},
                                                {"annotator": "b", "label": rng.choice(LABELS)}]}) + "\n")
            guess = label if rng.random() < 0.8 else rng.choice(LABELS)
            s = [rng.random() for _ in LABELS]
            s[LABELS.index(guess)] += 2
            t = sum(s)
            p.write(json.dumps({"id": f"{doc}-{pos:02d}", "label": guess,
                                "scores": {l: v / t for l, v in zip(LABELS, s)}}) + "\n")
    return gold, pred


PARSE = """
import json, sys
for path in sys.argv[1:3]:
    with open(path, "rb") as f:
        for line in f:
            json.loads(line)
"""

SCORE = """
import sys
from gainsay.predictions import read_gold, read_predictions
from gainsay.score import score
g = read_gold(sys.argv[1])
r = score(g, read_predictions(sys.argv[2], g))
assert r["n"] == len(g.ids)
"""


def measure(code: str, gold: Path, pred: Path) -> dict:
    """Wall time and peak RSS of a fresh interpreter running `code` (imports excluded by
    timing an empty run of the same imports is not attempted: the figure is end to end)."""
    wrapper = code + """
import resource, json as _j
print(_j.dumps({"maxrss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))
"""
    t0 = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", wrapper, str(gold), str(pred)], capture_output=True, text=True, check=True)
    wall = time.perf_counter() - t0
    return {"wall_s": round(wall, 3), "peak_rss_mb": round(json.loads(out.stdout.splitlines()[-1])["maxrss_kb"] / 1024, 1)}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=1_000_000)
    ap.add_argument("--repeat", type=int, default=3, help="runs of each; the best wall time is kept")
    ap.add_argument("--out", default="results/speed/score.json")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        gold, pred = make_files(Path(tmp), args.n)
        print(f"wrote {args.n:,} gold records and predictions in {time.perf_counter() - t0:.1f} s "
              f"({gold.stat().st_size / 2**20:.0f} + {pred.stat().st_size / 2**20:.0f} MiB)")
        runs = {name: [measure(code, gold, pred) for _ in range(args.repeat)] for name, code in (("parse", PARSE), ("score", SCORE))}
    best = {k: min(v, key=lambda r: r["wall_s"]) for k, v in runs.items()}
    result = {"n": args.n, "parse": best["parse"], "score": best["score"],
              "ratio_wall": round(best["score"]["wall_s"] / best["parse"]["wall_s"], 2), "target_ratio": 2.0,
              "repeat": args.repeat, "json_library": "json (standard library)", "python": sys.version.split()[0]}
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2) + "\n")
    print(f"bare parse of both files: {best['parse']['wall_s']:.2f} s, peak {best['parse']['peak_rss_mb']} MB")
    print(f"gainsay score:            {best['score']['wall_s']:.2f} s, peak {best['score']['peak_rss_mb']} MB")
    print(f"ratio score / parse: {result['ratio_wall']} (target <= 2); written to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
