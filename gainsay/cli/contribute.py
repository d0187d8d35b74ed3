"""Verbs for annotating and adding documents: segment, render, compile, export, agree,
combine, merge."""
from __future__ import annotations

import json
import sys
from pathlib import Path

from gainsay.cli.common import EXIT_OK, Parser, check_paths, data_arg, data_path, wrote
from gainsay.cli.registry import verb
from gainsay.problems import UsageError


def _segment_args(p):
    p.add_argument("article", metavar="ARTICLE.txt")
    p.add_argument("--doc-id", required=True, help="the document id (letters, digits, . _ -)")
    p.add_argument("--out", required=True, help="the batch JSONL to write")
    p.add_argument("--origin", default="contributed", choices=("contributed", "authored", "seed"))
    p.add_argument("--topic", help="topic area, lower case with underscores (e.g. local_government)")
    p.add_argument("--genre", help="register: wire, broadsheet, tabloid, press_release, fact_check, ...")
    p.add_argument("--unwrap", action="store_true",
                   help="the text is hard-wrapped: join the lines of each blank-line-separated paragraph")


@verb("segment", "contribute", "split an article (first line the headline) into unlabelled sentence records", _segment_args)
def cmd_segment(args) -> int:
    from gainsay.annotate.segment import segment_file

    return wrote(args.out, lambda: segment_file(args.article, args.out, doc_id=args.doc_id, origin=args.origin,
                                                topic=args.topic, genre=args.genre, unwrap=args.unwrap,
                                                log=lambda m: print(m, file=sys.stderr)), "sentences",
                 inputs=[args.article])


def _render_args(p):
    p.add_argument("batch", metavar="BATCH.jsonl")
    p.add_argument("--out", help="file to write (default: print)")


@verb("render", "contribute", "write a batch as the plain-text annotation format", _render_args)
def cmd_render(args) -> int:
    from gainsay.annotate.textformat import render_file

    check_paths([args.batch], [args.out])
    text = render_file(args.batch, args.out)
    if not args.out:
        print(text, end="")
    return EXIT_OK


def _compile_args(p):
    p.add_argument("file", metavar="FILE")
    p.add_argument("--out", required=True, help="the batch JSONL to write")
    p.add_argument("--annotator", help="record every label as this annotator's (e.g. your initials)")
    p.add_argument("--allow-undecided", action="store_true", help="accept '?' labels (they are left out)")


@verb("compile", "contribute", "read the plain-text annotation format back into a batch", _compile_args)
def cmd_compile(args) -> int:
    from gainsay.annotate.textformat import compile_file

    return wrote(args.out, lambda: compile_file(args.file, args.out, annotator=args.annotator,
                                                allow_undecided=args.allow_undecided,
                                                log=lambda m: print(m, file=sys.stderr)), inputs=[args.file])


def _export_args(p):
    fmt = p.add_subparsers(dest="format", metavar="FORMAT", parser_class=Parser)
    fmt.required = True
    q = fmt.add_parser("labelstudio", help="Label Studio tasks (labels and spans as pre-annotations), or --config")
    q.add_argument("batch", metavar="BATCH.jsonl", nargs="?")
    q.add_argument("--out", help="the tasks JSON to write")
    q.add_argument("--config", action="store_true", help="print the matching labelling configuration")
    q.set_defaults(run=_export_labelstudio)
    q = fmt.add_parser("model", help="a trained baseline as a standard checkpoint (finetune: safetensors, config, tokenizer, card)")
    q.add_argument("name", choices=("finetune",), help="the baseline to export")
    q.add_argument("--out", required=True, metavar="DIR", help="the folder to write the checkpoint into")
    q.set_defaults(run=_export_model)


def _export_model(args) -> int:
    from gainsay.baselines.cache import get_model
    from gainsay.baselines.export import export_finetune, published_scores
    from gainsay.corpus.locate import project_root

    out = Path(args.out)
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise UsageError(f"{out}: give a new or empty folder to write the checkpoint into")
    model, _ = get_model(args.name, log=lambda m: print(m, file=sys.stderr))
    export_finetune(model, out, published_scores(project_root(required=False)))
    print(f"wrote the {args.name} checkpoint to {out}; score it with --model hf:{out}", file=sys.stderr)
    return EXIT_OK


@verb("export", "contribute", "write a batch in another tool's format, or a trained model as a checkpoint", _export_args)
def cmd_export(args) -> int:
    return args.run(args)


def _export_labelstudio(args) -> int:
    from gainsay.annotate.labelstudio import export_file, labelling_config

    if args.config:
        if args.batch or args.out:
            raise UsageError("--config prints the labelling configuration; give it alone")
        print(labelling_config(), end="")
        return EXIT_OK
    if not args.batch or not args.out:
        raise UsageError("give a BATCH.jsonl and --out TASKS.json (or --config)")
    return wrote(args.out, lambda: export_file(args.batch, args.out), "tasks", inputs=[args.batch])


def _agree_args(p):
    p.add_argument("files", nargs="+", metavar="FILE", help="batches whose records carry annotations")
    p.add_argument("--json", metavar="OUT.json", help="write the report as JSON")
    p.add_argument("--disagreements", metavar="OUT.jsonl", help="write the disagreements, ready for adjudication")


@verb("agree", "contribute", "agreement between annotators: alpha, pairwise kappa, confusion, disagreements", _agree_args)
def cmd_agree(args) -> int:
    from gainsay.annotate.contrib import agree, render_agreement
    from gainsay.corpus.io import write_jsonl_atomic, write_text_atomic

    check_paths(args.files, [args.json, args.disagreements])
    report, disagreements = agree([Path(p) for p in args.files])
    print(render_agreement(report))
    if args.json:
        write_text_atomic(args.json, json.dumps(report, indent=2) + "\n")
    if args.disagreements:
        write_jsonl_atomic(args.disagreements, disagreements)
        print(f"wrote {len(disagreements)} disagreements to {args.disagreements}: fill in label and reason, "
              f"then `gainsay combine ... --adjudication {args.disagreements}`")
    return EXIT_OK


def _combine_args(p):
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--adjudication", metavar="ADJ.jsonl", help="decisions: {id, label, reason} per disagreement")
    p.add_argument("--adjudicator", default="adjudicator", help="the adjudicator's id (default: adjudicator)")
    p.add_argument("--out", required=True)


@verb("combine", "contribute", "one batch from several annotation passes and the adjudications", _combine_args)
def cmd_combine(args) -> int:
    from gainsay.annotate.contrib import combine
    from gainsay.corpus.io import write_jsonl_atomic

    def produce() -> int:
        records = combine([Path(p) for p in args.files], Path(args.adjudication) if args.adjudication else None,
                          args.adjudicator)
        write_jsonl_atomic(args.out, records)
        return len(records)

    return wrote(args.out, produce, inputs=[*args.files, args.adjudication])


def _merge_args(p):
    p.add_argument("batch", metavar="BATCH.jsonl")
    data_arg(p, "the corpus data folder")
    p.add_argument("--check", action="store_true", help="run every check, write nothing (what CI runs on contrib/)")


@verb("merge", "contribute", "check a finished batch and add it to the corpus", _merge_args)
def cmd_merge(args) -> int:
    from gainsay.annotate.contrib import merge

    data = data_path(args.data)
    check_paths([args.batch, data])
    result = merge(Path(args.batch), data, check_only=args.check, log=lambda m: print(m, file=sys.stderr))
    if args.check and result.get("would_merge"):
        where = ", ".join(f"{n} to {s}" for s, n in sorted(result["splits"].items()))
        print(f"ok: {result['would_merge']} records would merge ({where}); nothing was written")
    elif result["merged"]:
        where = ", ".join(f"{n} to {s}" for s, n in sorted(result["splits"].items()))
        print(f"merged {result['merged']} records ({where}); refreshed {data / 'stats.json'} and {data / 'profile.json'}")
    else:
        print(f"nothing to do: all {result['already_present']} records are already in the corpus")
    return EXIT_OK
