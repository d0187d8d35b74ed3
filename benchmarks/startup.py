"""Start-up time of every `gainsay` verb (a measurement, not a test).

    python benchmarks/startup.py [--repeat 5] [--out benchmarks/results/startup.json]

Each verb runs in a fresh process on the smallest real input it accepts (its `--help` when
it needs a trained model, a corpus or several files): what a user waits for before any
work. Reported: the best wall time of `--repeat` runs, and the modules that dominate are
named by `python -X importtime` when asked. Targets: `gainsay --help` and `validate` on a
small file within 0.3 s.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def best(cmd: list[str], repeat: int, cwd: Path) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        r = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True)
        times.append(time.perf_counter() - start)
        if r.returncode not in (0, 1):
            raise SystemExit(f"{' '.join(cmd)} exited {r.returncode}: {r.stderr[-500:]}")
    return min(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--out", default=str(ROOT / "benchmarks/results/startup.json"))
    args = ap.parse_args()
    g = [sys.executable, "-m", "gainsay"]
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        lines = (ROOT / "data/test.jsonl").read_text(encoding="utf-8").splitlines()[:14]  # the seed document
        gold = tmp / "gold.jsonl"
        gold.write_text("\n".join(lines) + "\n", encoding="utf-8")
        one = tmp / "one.jsonl"
        one.write_text(lines[0] + "\n", encoding="utf-8")
        pred = tmp / "pred.jsonl"
        pred.write_text("".join(json.dumps({"id": json.loads(l)["id"], "label": "claim"}) + "\n" for l in lines[:1]))
        article = tmp / "article.txt"
        article.write_text("Port fees to rise\n\nThe council said fees would rise. Ferry firms objected.\n", encoding="utf-8")
        runs = {
            "--help": [*g, "--help"],
            "validate (14 records)": [*g, "validate", str(gold)],
            "score (1 record)": [*g, "score", "--gold", str(one), "--pred", str(pred)],
            "predict --model rules (14 records)": [*g, "predict", "--model", "rules", "--input", str(gold), "--out", str(tmp / "p.jsonl")],
            "segment (2 sentences)": [*g, "segment", str(article), "--doc-id", "port", "--out", str(tmp / "seg.jsonl")],
            "render (14 records)": [*g, "render", str(gold)],
            "export labelstudio --config": [*g, "export", "labelstudio", "--config"],
        }
        for verb in ("stats", "import", "compare", "benchmark", "compile", "agree", "combine", "merge"):
            runs[f"{verb} --help"] = [*g, verb, "--help"]
        results = {name: round(best(cmd, args.repeat, tmp), 3) for name, cmd in runs.items()}
    print("| command | start-up (s, best of %d) |\n|---|---:|" % args.repeat)
    for name, t in results.items():
        print(f"| `gainsay {name}` | {t:.3f} |")
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps({"repeat": args.repeat, "seconds": results}, indent=2) + "\n")


if __name__ == "__main__":
    main()
