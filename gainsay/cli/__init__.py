"""`gainsay <verb>`: exit 0 when all is well, 1 on invalid input, 2 on a usage error.

The verbs live in one module per group (data, bench, contribute), each declaring its
arguments beside its handler; this module only builds the parser and maps errors to exit
codes. Heavy libraries are imported inside the handlers that use them, so that `--help`
and the quick verbs start fast.
"""
from __future__ import annotations

import argparse
import sys

from gainsay.cli import bench, contribute, data  # noqa: F401  (registers the verbs)
from gainsay.cli.common import EXIT_INVALID, EXIT_OK, EXIT_USAGE, Parser
from gainsay.cli.registry import GROUPS, VERBS
from gainsay.problems import GainsayError, ProblemsFound, UsageError, capped, hints


def _grouped_help() -> str:
    lines = []
    for group, what in GROUPS:
        lines.append(f"{group} ({what}):")
        lines += [f"  {v.name:<11} {v.help}" for v in VERBS.values() if v.group == group]
        lines.append("")
    lines.append("`gainsay COMMAND --help` gives a command's options. The corpus is read from $GAINSAY_DATA,")
    lines.append("else from the data/ folder of the checkout (see README.md).")
    return "\n".join(lines)


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(prog="gainsay", description="Gainsay: claim, denial or attribution in news sentences.",
                    epilog=_grouped_help(),
                    formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser,
                                help="one of the commands listed below, by task")
    sub.required = True
    order = [g for g, _ in GROUPS]
    for v in sorted(VERBS.values(), key=lambda v: order.index(v.group)):
        p = sub.add_parser(v.name, description=v.help)
        v.arguments(p)
        p.set_defaults(func=v.run)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except ProblemsFound as e:
        for line in [*capped(e.problems), *hints(e.problems)]:
            print(line, file=sys.stderr)
        print(f"gainsay {args.command}: {e}", file=sys.stderr)
        return EXIT_INVALID
    except UsageError as e:
        print(f"gainsay {args.command}: error: {e}", file=sys.stderr)
        return EXIT_USAGE
    except GainsayError as e:
        print(f"gainsay {args.command}: error: {e}", file=sys.stderr)
        return EXIT_INVALID
    except OSError as e:  # the disk is full, a folder is read-only, ...: one line, never a traceback
        where = f"{e.filename}: " if e.filename else ""
        print(f"gainsay {args.command}: error: {where}{e.strerror or e}", file=sys.stderr)
        return EXIT_INVALID
    except KeyboardInterrupt:
        print(f"gainsay {args.command}: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
