"""Verbs on the corpus itself: validate, stats, import."""
from __future__ import annotations

import json
import sys

from gainsay.cli.common import EXIT_INVALID, EXIT_OK, Parser, data_arg, data_path, wrote
from gainsay.cli.registry import verb
from gainsay.problems import UsageError


def _validate_args(p):
    p.add_argument("paths", nargs="+", metavar="PATH", help="JSONL files or folders of them")
    p.add_argument("--format", choices=("text", "json"), default="text", help="how to print the problems (default: text)")


@verb("validate", "data", "check corpus files against the schema and the corpus rules", _validate_args)
def cmd_validate(args) -> int:
    from gainsay.corpus.io import jsonl_files
    from gainsay.corpus.validate import validate_files
    from gainsay.problems import capped, hints, summarise

    files = jsonl_files(args.paths)
    report = validate_files(files)
    what = f"{report.records} records in {len(files)} file{'s' if len(files) != 1 else ''}"
    if args.format == "json":
        print(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
    else:
        for line in [*capped(report.problems), *hints(report.problems)]:
            print(line)
        print(summarise(report.problems, what), file=sys.stderr if report.problems else sys.stdout)
    return EXIT_OK if report.ok else EXIT_INVALID


def _stats_args(p):
    data_arg(p)
    p.add_argument("--write", action="store_true", help="also write data/stats.json and data/profile.json, and the label chart")


def _write_derived(data) -> None:
    """Refresh data/stats.json and data/profile.json together, under the data folder's lock."""
    from gainsay.corpus.derived import derived_files
    from gainsay.corpus.records import read_challenge, read_splits
    from gainsay.corpus.transaction import commit, locked

    with locked(data, log=lambda m: print(m, file=sys.stderr)):
        files = derived_files(read_splits(data), read_challenge(data))
        commit(data, files)
    for name in files:
        print(f"wrote {data / name}")


@verb("stats", "data", "print the corpus statistics (--write refreshes data/stats.json and data/profile.json)", _stats_args)
def cmd_stats(args) -> int:
    from gainsay.corpus import stats

    data = data_path(args.data)
    if not (data / "train.jsonl").exists():
        raise UsageError(f"{data}: not a data folder (no train.jsonl in it)")
    result = stats.compute(data)
    print(stats.render_text(result))
    if args.write:
        _write_derived(data)
        plot = data.resolve().parent / "docs" / "label_distribution.png"
        if plot.parent.is_dir():
            stats.plot_labels(result, plot)
            print(f"wrote {plot}")
    return EXIT_OK


def _profile_args(p):
    p.add_argument("path", nargs="?", metavar="PATH", help="a data folder (default: $GAINSAY_DATA, else the checkout's data/)")
    p.add_argument("--json", action="store_true", help="print the profile as JSON")
    p.add_argument("--write", action="store_true", help="also write data/profile.json (and data/stats.json)")


@verb("profile", "data", "the corpus's shape per portion beside real news (length, labels, quotes, headlines, style)",
      _profile_args)
def cmd_profile(args) -> int:
    from gainsay.corpus import profile

    data = data_path(args.path)
    if not (data / "train.jsonl").exists():
        raise UsageError(f"{data}: not a data folder (no train.jsonl in it)")
    result = profile.compute(data)
    print(json.dumps(result, indent=2) if args.json else profile.render_text(result))
    if args.write:
        _write_derived(data)
    return EXIT_OK


def _import_args(p):
    fmt = p.add_subparsers(dest="format", metavar="FORMAT", parser_class=Parser)
    fmt.required = True
    q = fmt.add_parser("labelstudio", help="a Label Studio JSON export -> a batch (every annotator's label kept)")
    q.add_argument("export", metavar="EXPORT.json")
    q.add_argument("--out", required=True)
    q.add_argument("--prefer", metavar="ANNOTATOR", help="take label and spans from this annotator (default: the most recent annotation)")
    q.set_defaults(run=_import_labelstudio)
    q = fmt.add_parser("emergent", help="a copy of the Emergent corpus (CSV) -> records for predict and score")
    q.add_argument("csv", metavar="CSV")
    q.add_argument("--out", required=True, help="JSONL to write")
    q.set_defaults(run=_import_emergent)
    q = fmt.add_parser("polnear", help="a split folder of a PolNeAR copy (text/, attributions/, corenlp/) -> records")
    q.add_argument("folder", metavar="DIR", help="data/train, data/dev or data/test of a PolNeAR copy")
    q.add_argument("--out", required=True, help="JSONL to write")
    q.add_argument("--skip-missing", action="store_true", help="leave out (and name) articles with no CoreNLP file")
    q.set_defaults(run=_import_polnear)


def _import_polnear(args) -> int:
    from gainsay.importers.polnear import import_polnear

    return wrote(args.out, lambda: import_polnear(args.folder, args.out, args.skip_missing,
                                                 log=lambda m: print(m, file=sys.stderr)), inputs=[args.folder])


def _import_labelstudio(args) -> int:
    from gainsay.annotate.labelstudio import import_file

    return wrote(args.out, lambda: import_file(args.export, args.out, prefer=args.prefer), inputs=[args.export])


def _import_emergent(args) -> int:
    from gainsay.importers.emergent import import_emergent

    return wrote(args.out, lambda: import_emergent(args.csv, args.out), inputs=[args.csv])


@verb("import", "data", "convert another tool's or corpus's file into Gainsay records", _import_args)
def cmd_import(args) -> int:
    return args.run(args)
