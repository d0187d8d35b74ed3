"""Throughput and memory of the tools on large files (a measurement, not a test).

    python benchmarks/throughput.py [--n 1000000] [--repeat 3] [--out benchmarks/results/throughput.json]

For `validate` and `score`, files of N synthetic records are written, then each measurement
runs in a fresh interpreter: a bare parse of the same files with the same JSON library
(json.loads per line), and the tool's own path (`gainsay validate FILE`; reading and
checking gold and predictions and computing the report). Reported: best wall time of
`--repeat` runs, peak memory (max RSS), and the ratio tool / parse. Targets: score <= 2,
validate <= 3. `gainsay.load()` is timed on the corpus, cold (empty cache) and warm.
"""
from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

LABELS = ("claim", "denial", "attribution")
TAGS = ("quote", "negation", "hedge", "attributed_denial", "anonymous_source", "headline")
WORDS = "the council said port fees would rise next spring after talks with ferry operators broke down".split()


def record(i: int, rng: random.Random) -> dict:
    doc, pos = f"s{i // 15:06d}", i % 15
    label = rng.choice(LABELS)
    words = rng.sample(WORDS, 10)
    text = f"Sentence {i}: " + " ".join(words) + "."
    r = {"id": f"{doc}-{pos:02d}", "doc_id": doc, "position": pos, "text": text, "label": label,
         "source": None, "cue": None, "phenomena": rng.sample(TAGS, rng.randint(0, 2)),
         "annotations": [{"annotator": "a1", "label": label}, {"annotator": "b1", "label": label}],
         "origin": "authored", "topic": "transport", "genre": "wire"}
    if label != "claim":
        start = text.index(words[0])
        r["cue"] = {"text": words[0], "start": start, "end": start + len(words[0])}
    return r


def make_files(folder: Path, n: int, seed: int = 0) -> tuple[Path, Path]:
    rng = random.Random(seed)
    gold, pred = folder / "gold.jsonl", folder / "pred.jsonl"
    with open(gold, "w") as g, open(pred, "w") as p:
        for i in range(n):
            r = record(i, rng)
            g.write(json.dumps(r) + "\n")
            guess = r["label"] if rng.random() < 0.8 else rng.choice(LABELS)
            s = [rng.random() for _ in LABELS]
            s[LABELS.index(guess)] += 2
            t = sum(s)
            p.write(json.dumps({"id": r["id"], "label": guess, "scores": {l: v / t for l, v in zip(LABELS, s)}}) + "\n")
    return gold, pred


PARSE = """
import json, sys
for path in sys.argv[1:]:
    with open(path, "rb") as f:
        for line in f:
            json.loads(line)
"""
SCORE = """
import sys
from gainsay.eval.inputs import read_gold, read_predictions
from gainsay.eval.score import score
g = read_gold(sys.argv[1])
assert score(g, read_predictions(sys.argv[2], g))["n"] == len(g.ids)
"""
VALIDATE = """
import sys
from gainsay.cli import main
assert main(["validate", sys.argv[1]]) == 0
"""
REPORT = """
import resource, json as _j
print(_j.dumps({"maxrss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))
"""


def measure(code: str, *files: Path, repeat: int) -> dict:
    runs = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        out = subprocess.run([sys.executable, "-c", code + REPORT, *map(str, files)], capture_output=True, text=True, check=True)
        wall = time.perf_counter() - t0
        runs.append({"wall_s": round(wall, 3), "peak_rss_mb": round(json.loads(out.stdout.splitlines()[-1])["maxrss_kb"] / 1024, 1)})
    return min(runs, key=lambda r: r["wall_s"])


def time_load() -> dict:
    code = """
import sys, time, tempfile, gainsay
with tempfile.TemporaryDirectory() as cache:
    t = time.perf_counter(); ds = gainsay.load(cache_dir=cache); cold = time.perf_counter() - t
    t = time.perf_counter(); ds = gainsay.load(cache_dir=cache); warm = time.perf_counter() - t
print(f"{cold} {warm} {sum(d.num_rows for d in ds.values())}")
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={**__import__("os").environ, "HF_DATASETS_OFFLINE": "1", "HF_DATASETS_DISABLE_PROGRESS_BARS": "1"})
    cold, warm, rows = out.stdout.split()[-3:]
    return {"cold_s": round(float(cold), 3), "warm_s": round(float(warm), 3), "rows": int(rows)}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=1_000_000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--out", default="benchmarks/results/throughput.json")
    args = ap.parse_args(argv)
    result = {"n": args.n, "repeat": args.repeat, "json_library": "json (standard library)", "python": sys.version.split()[0]}
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        gold, pred = make_files(Path(tmp), args.n)
        print(f"wrote {args.n:,} records and predictions in {time.perf_counter() - t0:.1f} s "
              f"({gold.stat().st_size / 2**20:.0f} + {pred.stat().st_size / 2**20:.0f} MiB)", flush=True)
        for name, code, files, target in (("validate", VALIDATE, (gold,), 3.0), ("score", SCORE, (gold, pred), 2.0)):
            parse = measure(PARSE, *files, repeat=args.repeat)
            tool = measure(code, *files, repeat=args.repeat)
            ratio = round(tool["wall_s"] / parse["wall_s"], 2)
            result[name] = {"parse": parse, "tool": tool, "ratio": ratio, "target_ratio": target}
            print(f"{name}: {tool['wall_s']:.2f} s, peak {tool['peak_rss_mb']} MB; bare parse {parse['wall_s']:.2f} s, "
                  f"peak {parse['peak_rss_mb']} MB; ratio {ratio} (target <= {target})", flush=True)
    result["load"] = time_load()
    print(f"gainsay.load(): cold {result['load']['cold_s']:.2f} s, warm {result['load']['warm_s']:.2f} s "
          f"({result['load']['rows']} rows)")
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2) + "\n")
    print(f"written to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
