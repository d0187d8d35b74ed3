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

    result = stats.compute(args.data)
    print(stats.render_text(result))
    if args.write:
        stats.write(result, args.data)
        print(f"wrote {stats.stats_path(args.data)}")
    return EXIT_OK


def cmd_benchmark(args) -> int:
    from . import stats
    from .io import jsonl_files
    from .validate import validate_files

    files = jsonl_files([args.data])
    report = validate_files(files)
    for p in report.problems:
        print(p, file=sys.stderr)
    if not report.ok:
        print(summarise(report.problems, f"{report.records} records"), file=sys.stderr)
        return EXIT_INVALID
    print(f"validated {report.records} records in {len(files)} files: no problems")
    print(stats.render_text(stats.compute(args.data)))
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

    p = sub.add_parser("benchmark", help="validate the corpus, run every baseline, score, write the leaderboard")
    p.add_argument("--data", default=str(data_dir()), help="the data folder (default: the checkout's data/)")
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
