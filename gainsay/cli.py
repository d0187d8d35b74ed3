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

    from pathlib import Path

    if not (Path(args.data) / "train.jsonl").exists():
        raise UsageError(f"{args.data}: not a data folder (no train.jsonl in it)")
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


def _wrote(out, produce, what: str = "records") -> int:
    """Check the folder to write into, write with `produce()` (which returns a count), say so."""
    _out_dir_ok(out)
    n = produce()
    print(f"wrote {n} {what} to {out}", file=sys.stderr)
    return EXIT_OK


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


def cmd_import_emergent(args) -> int:
    from .emergent import import_emergent

    return _wrote(args.out, lambda: import_emergent(args.csv, args.out))


def cmd_segment(args) -> int:
    from .segment import segment_file

    return _wrote(args.out, lambda: segment_file(args.article, args.out, doc_id=args.doc_id, origin=args.origin,
                                                 topic=args.topic, genre=args.genre), "sentences")


def cmd_render(args) -> int:
    from .textformat import render_file

    _out_dir_ok(args.out)
    text = render_file(args.batch, args.out)
    if not args.out:
        print(text, end="")
    return EXIT_OK


def cmd_compile(args) -> int:
    from .textformat import compile_file

    return _wrote(args.out, lambda: compile_file(args.file, args.out, annotator=args.annotator,
                                                 allow_undecided=args.allow_undecided))


def cmd_export_labelstudio(args) -> int:
    from .labelstudio import export_file, labelling_config

    if args.config:
        if args.batch or args.out:
            raise UsageError("--config prints the labelling configuration; give it alone")
        print(labelling_config(), end="")
        return EXIT_OK
    if not args.batch or not args.out:
        raise UsageError("give a BATCH.jsonl and --out TASKS.json (or --config)")
    return _wrote(args.out, lambda: export_file(args.batch, args.out), "tasks")


def cmd_import_labelstudio(args) -> int:
    from .labelstudio import import_file

    return _wrote(args.out, lambda: import_file(args.export, args.out, prefer=args.prefer))


def cmd_agree(args) -> int:
    from pathlib import Path

    from .contrib import agree, render_agreement
    from .io import write_jsonl_atomic, write_text_atomic

    _out_dir_ok(args.json, args.disagreements)
    report, disagreements = agree([Path(p) for p in args.files])
    print(render_agreement(report))
    if args.json:
        write_text_atomic(args.json, json.dumps(report, indent=2) + "\n")
    if args.disagreements:
        write_jsonl_atomic(args.disagreements, disagreements)
        print(f"wrote {len(disagreements)} disagreements to {args.disagreements}: fill in label and reason, "
              f"then `gainsay combine ... --adjudication {args.disagreements}`")
    return EXIT_OK


def cmd_combine(args) -> int:
    from pathlib import Path

    from .contrib import combine
    from .io import write_jsonl_atomic

    def produce() -> int:
        records = combine([Path(p) for p in args.files], Path(args.adjudication) if args.adjudication else None, args.adjudicator)
        write_jsonl_atomic(args.out, records)
        return len(records)

    return _wrote(args.out, produce)


def cmd_merge(args) -> int:
    from pathlib import Path

    from .contrib import merge

    result = merge(Path(args.batch), Path(args.data), check_only=args.check)
    if args.check and result.get("would_merge"):
        where = ", ".join(f"{n} to {s}" for s, n in sorted(result["splits"].items()))
        print(f"ok: {result['would_merge']} records would merge ({where}); nothing was written")
    elif result["merged"]:
        where = ", ".join(f"{n} to {s}" for s, n in sorted(result["splits"].items()))
        print(f"merged {result['merged']} records ({where}); refreshed {Path(args.data) / 'stats.json'}")
    else:
        print(f"nothing to do: all {result['already_present']} records are already in the corpus")
    return EXIT_OK


def cmd_benchmark(args) -> int:
    from . import benchmark
    from .baselines import NAMES

    names = args.only or NAMES
    benchmark.run(names, retrain=args.retrain)
    return EXIT_OK


def cmd_predict(args) -> int:
    from .io import write_jsonl_atomic
    from .models import get_model
    from .predict import prediction_lines, read_inputs

    def produce() -> int:
        records = read_inputs(args.input)  # check the input before any training
        model, _ = get_model(args.model, retrain=args.retrain, log=lambda m: print(m, file=sys.stderr))
        write_jsonl_atomic(args.out, prediction_lines(records, model))
        return len(records)

    return _wrote(args.out, produce, "predictions")


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

    p = sub.add_parser("segment", help="split an article (first line the headline) into unlabelled sentence records")
    p.add_argument("article", metavar="ARTICLE.txt")
    p.add_argument("--doc-id", required=True, help="the document id (letters, digits, . _ -)")
    p.add_argument("--out", required=True, help="the batch JSONL to write")
    p.add_argument("--origin", default="contributed", choices=("contributed", "authored", "seed"))
    p.add_argument("--topic", help="topic area, lower case with underscores (e.g. local_government)")
    p.add_argument("--genre", help="register: wire, broadsheet, tabloid, press_release, fact_check, ...")
    p.set_defaults(func=cmd_segment)

    p = sub.add_parser("render", help="write a batch as the plain-text annotation format")
    p.add_argument("batch", metavar="BATCH.jsonl")
    p.add_argument("--out", help="file to write (default: print)")
    p.set_defaults(func=cmd_render)

    p = sub.add_parser("compile", help="read the plain-text annotation format back into a batch")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--out", required=True, help="the batch JSONL to write")
    p.add_argument("--annotator", help="record every label as this annotator's (e.g. your initials)")
    p.add_argument("--allow-undecided", action="store_true", help="accept '?' labels (they are left out)")
    p.set_defaults(func=cmd_compile)

    p = sub.add_parser("export", help="write a batch in another tool's format")
    fmt = p.add_subparsers(dest="format", metavar="FORMAT", parser_class=Parser)
    fmt.required = True
    q = fmt.add_parser("labelstudio", help="Label Studio tasks (labels and spans as pre-annotations), or --config")
    q.add_argument("batch", metavar="BATCH.jsonl", nargs="?")
    q.add_argument("--out", help="the tasks JSON to write")
    q.add_argument("--config", action="store_true", help="print the matching labelling configuration")
    q.set_defaults(func=cmd_export_labelstudio)

    p = sub.add_parser("agree", help="agreement between annotators: alpha, pairwise kappa, confusion, disagreements")
    p.add_argument("files", nargs="+", metavar="FILE", help="batches whose records carry annotations")
    p.add_argument("--json", metavar="OUT.json", help="write the report as JSON")
    p.add_argument("--disagreements", metavar="OUT.jsonl", help="write the disagreements, ready for adjudication")
    p.set_defaults(func=cmd_agree)

    p = sub.add_parser("combine", help="one batch from several annotation passes and the adjudications")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--adjudication", metavar="ADJ.jsonl", help="decisions: {id, label, reason} per disagreement")
    p.add_argument("--adjudicator", default="adjudicator", help="the adjudicator's id (default: adjudicator)")
    p.add_argument("--out", required=True)
    p.set_defaults(func=cmd_combine)

    p = sub.add_parser("merge", help="check a finished batch and add it to the corpus")
    p.add_argument("batch", metavar="BATCH.jsonl")
    p.add_argument("--data", default=str(data_dir()), help="the corpus data folder (default: the checkout's data/)")
    p.add_argument("--check", action="store_true", help="run every check, write nothing (what CI runs on contrib/)")
    p.set_defaults(func=cmd_merge)

    p = sub.add_parser("import", help="convert another tool's or corpus's file into Gainsay records")
    fmt = p.add_subparsers(dest="format", metavar="FORMAT", parser_class=Parser)
    fmt.required = True
    q = fmt.add_parser("labelstudio", help="a Label Studio JSON export -> a batch (every annotator's label kept)")
    q.add_argument("export", metavar="EXPORT.json")
    q.add_argument("--out", required=True)
    q.add_argument("--prefer", metavar="ANNOTATOR", help="take label and spans from this annotator (default: the most recent annotation)")
    q.set_defaults(func=cmd_import_labelstudio)
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
