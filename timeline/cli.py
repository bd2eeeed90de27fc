"""The ``timeline`` command: thin argument parsing over the package's public functions.

Each subcommand has one ``_add_<name>`` function that declares its arguments and one
``_run_<name>`` function that calls the core and prints. No logic lives here.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

DEFAULT_FILE = "events.yaml"


def _not_yet(args: argparse.Namespace) -> int:
    print(f"timeline {args.command}: not implemented yet", file=sys.stderr)
    return 2


# --- validate / show / app (store) -------------------------------------------------------------


def _add_validate(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("validate", help="check a timeline file and list every problem with its line")
    p.add_argument("file", nargs="?", default=DEFAULT_FILE, help="timeline file (default: events.yaml)")
    p.set_defaults(func=_not_yet)


def _add_show(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("show", help="print the timeline as a table, sorted by earliest date")
    p.add_argument("file", nargs="?", default=DEFAULT_FILE, help="timeline file (default: events.yaml)")
    p.set_defaults(func=_not_yet)


def _add_app(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("app", help="open the interactive timeline in the browser (Streamlit)")
    p.add_argument("file", nargs="?", default=DEFAULT_FILE, help="timeline file (default: events.yaml)")
    p.set_defaults(func=_not_yet)


# --- timex (temporal expressions) --------------------------------------------------------------


def _add_timex(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("timex", help="tag and normalise temporal expressions in a text")
    p.set_defaults(func=_not_yet)


# --- extract (events) --------------------------------------------------------------------------


def _add_extract(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("extract", help="extract dated, ordered events from articles")
    p.set_defaults(func=_not_yet)


# --- eval (evaluation harness) -----------------------------------------------------------------


def _add_eval(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("eval", help="score the tagger or the extractor against gold corpora and peers")
    targets = p.add_subparsers(dest="target", required=True, metavar="{timex,events}")
    _add_eval_timex(targets)
    _add_eval_events(targets)


def _add_eval_timex(targets: argparse._SubParsersAction) -> None:
    p = targets.add_parser("timex", help="temporal expressions on TempEval-3 platinum or WikiWars")
    p.set_defaults(func=_not_yet)


def _add_eval_events(targets: argparse._SubParsersAction) -> None:
    p = targets.add_parser("events", help="events against the gold timelines and EventStoryLine")
    p.set_defaults(func=_not_yet)


# --- export ------------------------------------------------------------------------------------


def _add_export(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("export", help="write the timeline as CSV, JSON, PLOVER, ACLED, TimelineJS or HTML")
    p.set_defaults(func=_not_yet)


# --- entry point -------------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="timeline",
        description=(
            "Read news articles about a conflict, extract the events in them with honest date "
            "intervals and evidence, and curate them in events.yaml on an interactive timeline."
        ),
        epilog="Run 'timeline COMMAND --help' for a command's options.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for add in (_add_validate, _add_show, _add_app, _add_timex, _add_extract, _add_eval, _add_export):
        add(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
