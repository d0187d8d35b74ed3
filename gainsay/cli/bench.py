"""Verbs that run and score models: predict, score, compare, benchmark."""
from __future__ import annotations

import json
import sys

from gainsay.cli.common import EXIT_OK, check_paths, wrote
from gainsay.cli.registry import verb
from gainsay.problems import UsageError


def _model_names() -> tuple[str, ...]:
    from gainsay.baselines import names

    return names()


def _predict_args(p):
    p.add_argument("--model", required=True, metavar="MODEL",
                   help=f"a baseline ({', '.join(_model_names())}) or hf:PATH_OR_ID (a sequence-classification checkpoint)")
    p.add_argument("--input", required=True, help="JSONL records with id and text (- for standard input)")
    p.add_argument("--out", required=True, help="predictions JSONL to write (- for standard output)")
    p.add_argument("--retrain", action="store_true", help="train again even if a cached model exists")
    p.add_argument("--label-map", metavar="A=LABEL,...", help="hf: map the checkpoint's label names onto claim, denial, attribution")
    p.add_argument("--batch-size", type=int, default=32, help="hf: sentences per batch (default 32)")
    p.add_argument("--device", default="cpu", help="hf: torch device (default cpu)")


def load_model(args):
    """A baseline by name (trained and cached on first use) or a prefixed outside model."""
    from gainsay import predictors

    if predictors.is_external(args.model):
        return predictors.load(args.model, args.label_map, args.batch_size, args.device)
    from gainsay.baselines import get
    from gainsay.baselines.cache import get_model

    get(args.model)  # an unknown name is a usage error before any work
    return get_model(args.model, retrain=args.retrain, log=lambda m: print(m, file=sys.stderr))[0]


@verb("predict", "benchmark", "label any records with id and text using a baseline or a checkpoint", _predict_args)
def cmd_predict(args) -> int:
    from gainsay.baselines.predict import prediction_lines, read_inputs
    from gainsay.corpus.io import write_jsonl_atomic

    if args.batch_size < 1:
        raise UsageError(f"--batch-size {args.batch_size}: give 1 or more")
    from gainsay import predictors

    if not predictors.is_external(args.model):
        from gainsay.baselines import get

        get(args.model)  # an unknown name is a usage error before the input is read
    if args.label_map:
        from gainsay.predictors.hf import parse_label_map

        parse_label_map(args.label_map)  # a malformed map is a usage error before any work

    def produce() -> int:
        records = read_inputs(args.input)  # check the input before any training
        model = load_model(args)
        write_jsonl_atomic(args.out, prediction_lines(records, model))
        return len(records)

    return wrote(args.out, produce, "predictions", inputs=[args.input])


def _score_args(p):
    p.add_argument("--gold", required=True, help="gold JSONL (records with id and label)")
    p.add_argument("--pred", required=True, help="predictions JSONL (id, label, optional scores)")
    p.add_argument("--json", metavar="OUT.json", help="write the full report as JSON")
    p.add_argument("--markdown", metavar="OUT.md", help="write the report as Markdown")
    p.add_argument("--plot", metavar="OUT.png", help="draw the confusion matrix")


@verb("score", "benchmark", "score a predictions file against gold", _score_args)
def cmd_score(args) -> int:
    from gainsay.corpus.io import write_bytes_safely, write_text_atomic
    from gainsay.eval.inputs import read_gold, read_predictions
    from gainsay.eval.report import to_markdown
    from gainsay.eval.score import plot_format, render_confusion, score

    check_paths([args.gold, args.pred], [args.json, args.markdown, args.plot])
    fmt = plot_format(args.plot) if args.plot else None
    gold = read_gold(args.gold)
    report = score(gold, read_predictions(args.pred, gold))
    text = to_markdown(report)
    image = render_confusion(report, fmt) if fmt else None  # every output is made before any is written
    print(text, end="")
    if args.json:
        write_text_atomic(args.json, json.dumps(report, indent=2) + "\n")
    if args.markdown:
        write_text_atomic(args.markdown, text)
    if image is not None:
        write_bytes_safely(args.plot, image)
    return EXIT_OK


def _compare_args(p):
    p.add_argument("--gold", required=True)
    p.add_argument("a", metavar="A.jsonl")
    p.add_argument("b", metavar="B.jsonl")
    p.add_argument("--rounds", type=int, default=10_000, help="randomisation rounds (default 10000)")
    p.add_argument("--json", action="store_true", help="print JSON")


@verb("compare", "benchmark", "is system A's macro-F1 different from B's? (paired test)", _compare_args)
def cmd_compare(args) -> int:
    from gainsay.eval.compare import compare
    from gainsay.eval.inputs import read_gold, read_predictions

    check_paths([args.gold, args.a, args.b])
    if args.rounds < 1:
        raise UsageError(f"--rounds {args.rounds}: give 1 or more randomisation rounds")
    gold = read_gold(args.gold)
    a, b = read_predictions(args.a, gold), read_predictions(args.b, gold)
    r = compare(gold.labels, a.labels, b.labels, rounds=args.rounds)
    r.update(a=args.a, b=args.b)
    if args.json:
        print(json.dumps(r, indent=2))
    else:
        print(f"A {args.a}: macro-F1 {100 * r['macro_f1_a']:.2f}")
        print(f"B {args.b}: macro-F1 {100 * r['macro_f1_b']:.2f}")
        print(f"difference A - B: {100 * r['difference']:+.2f} points; p = {r['p_value']:.4f} "
              f"({r['test']}, {r['rounds']} rounds, seed {r['seed']}, n = {r['n']})")
    return EXIT_OK


def _benchmark_args(p):
    names = _model_names()
    p.add_argument("--only", nargs="+", choices=names, metavar="NAME",
                   help=f"run only these baselines ({', '.join(names)}); the other rows are kept")
    p.add_argument("--retrain", action="store_true", help="train again even if cached models exist")
    p.add_argument("--external", action="append", default=[], metavar="NAME=PATH",
                   help="also score on real news you have a copy of: emergent=CSV (Emergent's test CSV), "
                        "polnear=DIR (PolNeAR's data/test folder); absent paths are skipped with a note")
    p.add_argument("--add", metavar="NAME", help="score an outside system's predictions and add its row (with --test)")
    p.add_argument("--test", metavar="PRED.jsonl", help="with --add: its predictions for data/test.jsonl")
    p.add_argument("--challenge", metavar="PRED.jsonl", help="with --add: its predictions for data/challenge.jsonl")


@verb("benchmark", "benchmark", "validate the corpus, train and score every baseline, write the leaderboard", _benchmark_args)
def cmd_benchmark(args) -> int:
    from gainsay import benchmark

    if args.add or args.test or args.challenge:
        if not (args.add and args.test):
            raise UsageError("give --add NAME with --test PRED.jsonl (and optionally --challenge PRED.jsonl)")
        check_paths([args.test, args.challenge])
        benchmark.add_system(args.add, args.test, args.challenge)
        return EXIT_OK
    external = {}
    for item in args.external:
        name, sep, path = item.partition("=")
        if not sep or not name or not path:
            raise UsageError(f"--external {item}: give NAME=PATH, e.g. emergent=emergent-test.csv")
        external[name] = path
    benchmark.run(args.only, retrain=args.retrain, external=external)
    return EXIT_OK
