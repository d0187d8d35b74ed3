"""`gainsay <verb>`: exit 0 when all is well, 1 on invalid input, 2 on a usage error."""
from __future__ import annotations

import argparse
import json
import sys

from .problems import GainsayError, ProblemsFound, UsageError, summarise

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2


class Parser(argparse.ArgumentParser):
    def error(self, message: str):  # argparse's own usage errors: exit 2, no traceback
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def cmd_validate(args) -> int:
    from .io import jsonl_files
    from .validate import validate_files

    files = jsonl_files(args.paths)
    report = validate_files(files)
    what = f"{report.records} records in {len(files)} file{'s' if len(files) != 1 else ''}"
    if args.format == "json":
        print(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
    else:
        for p in report.problems:
            print(p)
        print(summarise(report.problems, what), file=sys.stderr if report.problems else sys.stdout)
    return EXIT_OK if report.ok else EXIT_INVALID


def cmd_stats(args) -> int:
    from . import stats
    from .paths import project_root

    result = stats.compute(args.data)
    print(stats.render_text(result))
    if args.write:
        stats.write(result, args.data)
        print(f"wrote {stats.stats_path(args.data)}")
        plot = project_root() / "docs" / "label_distribution.png"
        plot.parent.mkdir(exist_ok=True)
        stats.plot_labels(result, plot)
        print(f"wrote {plot}")
    return EXIT_OK


def _out_dir_ok(*paths) -> None:
    from pathlib import Path

    for p in paths:
        if p and not Path(p).resolve().parent.is_dir():
            raise UsageError(f"{p}: the folder to write into does not exist")


def cmd_score(args) -> int:
    from .io import write_text_atomic
    from .predictions import read_gold, read_predictions
    from .score import plot_confusion, score, to_markdown

    _out_dir_ok(args.json, args.markdown, args.plot)
    gold = read_gold(args.gold)
    report = score(gold, read_predictions(args.pred, gold))
    text = to_markdown(report)
    print(text, end="")
    if args.json:
        write_text_atomic(args.json, json.dumps(report, indent=2) + "\n")
    if args.markdown:
        write_text_atomic(args.markdown, text)
    if args.plot:
        plot_confusion(report, args.plot)
    return EXIT_OK


def cmd_compare(args) -> int:
    from .compare import compare
    from .predictions import read_gold, read_predictions

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


def cmd_import_emergent(args) -> int:
    from .emergent import import_emergent

    _out_dir_ok(args.out)
    n = import_emergent(args.csv, args.out)
    print(f"wrote {n} records to {args.out}", file=sys.stderr)
    return EXIT_OK


def cmd_benchmark(args) -> int:
    from . import benchmark
    from .baselines import NAMES

    names = args.only or NAMES
    benchmark.run(names, retrain=args.retrain)
    return EXIT_OK


def cmd_predict(args) -> int:
    from .models import get_model
    from .predict import predict_file

    _out_dir_ok(args.out)
    model, _ = get_model(args.model, retrain=args.retrain, log=lambda m: print(m, file=sys.stderr))
    n = predict_file(model, args.input, args.out)
    print(f"wrote {n} predictions to {args.out}", file=sys.stderr)
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    from .paths import data_dir

    parser = Parser(prog="gainsay", description="Gainsay: claim, denial or attribution in news sentences.")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    sub.required = True

    p = sub.add_parser("validate", help="check corpus files against the schema and the corpus rules")
    p.add_argument("paths", nargs="+", metavar="PATH", help="JSONL files or folders of them")
    p.add_argument("--format", choices=("text", "json"), default="text", help="how to print the problems (default: text)")
    p.set_defaults(func=cmd_validate)

    p = sub.add_parser("stats", help="print the corpus statistics (and write data/stats.json)")
    p.add_argument("--data", default=str(data_dir()), help="the data folder (default: the checkout's data/)")
    p.add_argument("--write", action="store_true", help="also write the committed stats file")
    p.set_defaults(func=cmd_stats)

    p = sub.add_parser("score", help="score a predictions file against gold")
    p.add_argument("--gold", required=True, help="gold JSONL (records with id and label)")
    p.add_argument("--pred", required=True, help="predictions JSONL (id, label, optional scores)")
    p.add_argument("--json", metavar="OUT.json", help="write the full report as JSON")
    p.add_argument("--markdown", metavar="OUT.md", help="write the report as Markdown")
    p.add_argument("--plot", metavar="OUT.png", help="draw the confusion matrix")
    p.set_defaults(func=cmd_score)

    p = sub.add_parser("compare", help="is system A's macro-F1 different from B's? (paired test)")
    p.add_argument("--gold", required=True)
    p.add_argument("a", metavar="A.jsonl")
    p.add_argument("b", metavar="B.jsonl")
    p.add_argument("--rounds", type=int, default=10_000, help="randomisation rounds (default 10000)")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=cmd_compare)

    from .baselines import NAMES

    p = sub.add_parser("predict", help="label any records with id and text using a baseline")
    p.add_argument("--model", required=True, choices=NAMES)
    p.add_argument("--input", required=True, help="JSONL records with id and text")
    p.add_argument("--out", required=True, help="predictions JSONL to write")
    p.add_argument("--retrain", action="store_true", help="train again even if a cached model exists")
    p.set_defaults(func=cmd_predict)

    p = sub.add_parser("import", help="convert another tool's or corpus's file into Gainsay records")
    fmt = p.add_subparsers(dest="format", metavar="FORMAT", parser_class=Parser)
    fmt.required = True
    q = fmt.add_parser("emergent", help="a copy of the Emergent corpus (CSV) -> records for predict and score")
    q.add_argument("csv", metavar="CSV")
    q.add_argument("--out", required=True, help="JSONL to write")
    q.set_defaults(func=cmd_import_emergent)

    p = sub.add_parser("benchmark", help="validate the corpus, train and score every baseline, write the leaderboard")
    p.add_argument("--only", nargs="+", choices=NAMES, metavar="NAME", help=f"run only these baselines ({', '.join(NAMES)})")
    p.add_argument("--retrain", action="store_true", help="train again even if cached models exist")
    p.set_defaults(func=cmd_benchmark)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except ProblemsFound as e:
        for p in e.problems:
            print(p, file=sys.stderr)
        print(f"gainsay {args.command}: {e}", file=sys.stderr)
        return EXIT_INVALID
    except UsageError as e:
        print(f"gainsay {args.command}: error: {e}", file=sys.stderr)
        return EXIT_USAGE
    except GainsayError as e:
        print(f"gainsay {args.command}: error: {e}", file=sys.stderr)
        return EXIT_INVALID
    except KeyboardInterrupt:
        print(f"gainsay {args.command}: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
