"""``timeline eval``: the evaluation harness on the command line (tagger, extractor, MUC-4, PLOVER).

Each target has one ``_add_eval_<target>`` function that declares its arguments and one
``_run_eval_<target>`` function that calls ``timeline.evaluate`` and prints. No logic lives here.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path


def add_eval(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("eval", help="score the tagger or the extractor against gold corpora and peers")
    targets = p.add_subparsers(dest="target", required=True, metavar="{timex,events,muc4,plover}")
    _add_eval_timex(targets)
    _add_eval_events(targets)
    _add_eval_muc4(targets)
    _add_eval_plover(targets)


def _add_eval_timex(targets: argparse._SubParsersAction) -> None:
    from timeline.evaluate.corpora import CORPORA

    p = targets.add_parser(
        "timex", help="temporal expressions on TempEval-3 platinum, WikiWars or EventStoryLine",
        description="Score the tagger (and, with --peers, dateparser, datefinder and a 'nothing' "
        "baseline on the same texts in the same run): strict/relaxed span P/R/F1, type F1, value F1, "
        "docs/s. Corpora are read from ../shared/data beside the repository (or $TIMELINE_SHARED/data), "
        "timex-unseen from the repository's tests/data.")
    p.add_argument("--corpus", choices=tuple(CORPORA), default="te3-platinum",
                   help="gold corpus (default: te3-platinum; wikiwars runs in narrative mode; esc is "
                   "EventStoryLine's TIME_* annotations, esc-dev its odd-numbered topics, esc-heldout "
                   "the even-numbered ones, kept unseen; timex-unseen is the repository's own "
                   "tests/data/timex-unseen, written before the tagger ran on it)")
    p.add_argument("--peers", action="store_true", help="also run dateparser, datefinder and 'nothing'")
    p.add_argument("--json", metavar="FILE", help="write the full results (per type too) as JSON to FILE")
    p.add_argument("--markdown", metavar="FILE",
                   help="update this corpus's table in a Markdown file (e.g. docs/evaluation.md)")
    p.add_argument("--causes", action="store_true",
                   help="also print the tagger's wrong values on found spans counted by cause and gold type, "
                   "its predictions left without a gold span counted by shape, and the gold spans it writes as "
                   "two predictions counted by what lies between them "
                   "(aggregate figures only, so it may be printed for esc-heldout)")
    p.add_argument("--check-floors", action="store_true",
                   help="exit 1 when strict, relaxed or value F1 is below the pinned floors")
    p.add_argument("--update-floors", action="store_true",
                   help="raise the pinned floors to this run's scores (never lowers them)")
    p.add_argument("--allow-lower", action="store_true",
                   help="with --update-floors: also lower floors (an explicit, reviewed decision)")
    p.set_defaults(func=_run_eval_timex)


def _run_eval_timex(args: argparse.Namespace) -> int:
    import json

    from timeline.evaluate.corpora import CorpusMissing
    from timeline.evaluate.timex import evaluate
    from timeline.evaluate.timex_gate import FloorError, check_floors, update_floors
    from timeline.evaluate.timex_report import causes_table, gaps_table, spurious_table, table, write_section

    systems = ["timeline", "dateparser", "datefinder", "nothing"] if args.peers else ["timeline"]
    try:
        report = evaluate(args.corpus, systems)
    except CorpusMissing as exc:
        print(f"timeline eval timex: {exc} (set TIMELINE_SHARED to the folder holding data/)", file=sys.stderr)
        return 1
    print(table(report))
    if args.causes:
        print("\n" + causes_table(report))
        print("\n" + spurious_table(report))
        print("\n" + gaps_table(report))
    if args.json:
        Path(args.json).write_text(json.dumps(report, indent=1), encoding="utf-8")
    if args.markdown:
        write_section(Path(args.markdown), report)
    try:
        if args.update_floors:
            update_floors(report, allow_lower=args.allow_lower)
        if args.check_floors:
            check_floors(report)
    except FloorError as exc:
        print(f"timeline eval timex: {exc}", file=sys.stderr)
        return 1
    return 0


def _add_eval_events(targets: argparse._SubParsersAction) -> None:
    p = targets.add_parser(
        "events",
        help="events against the gold timelines and EventStoryLine",
        description=(
            "Score event detection (P/R/F1), type, actors, date soundness and tightness, and ordering "
            "against gold timelines, beside the 'nothing' and 'publication date' baselines."
        ),
    )
    p.add_argument("--gold", metavar="DIR", help="folder of gold *.yaml files (default: ../shared/gold); every "
                   "problem of every file is listed as FILE:LINE:COL: field: message before any scoring")
    p.add_argument("--predictions", metavar="FILE", help="score this timeline file instead of running the extractor")
    p.add_argument("--esc", nargs="?", const="", metavar="DIR",
                   help="also score EventStoryLine (default folder: ../shared/data/eventstoryline/v1.5)")
    p.add_argument("--esc-limit", type=positive_int, metavar="N", help="score only the first N EventStoryLine documents")
    p.add_argument("--no-gold", action="store_true", help="skip the gold timelines (e.g. with --esc)")
    p.add_argument("--json", metavar="FILE", help="write every figure to this JSON file")
    p.add_argument("--details", action="store_true",
                   help="list each document's missed, false and duplicate events, wrong types, the actors a "
                        "matched pair disagrees on, unsound dates and orders")
    p.add_argument("--losses", action="store_true",
                   help="count the missed events by the pipeline step that lost them (figures only: usable on a blind batch)")
    p.add_argument("--check-floors", action="store_true", help="exit 1 when a figure is below its pinned floor")
    p.add_argument("--update-floors", action="store_true",
                   help="raise the pinned floors to the measured figures minus a small margin")
    p.add_argument("--allow-lower-floors", action="store_true", help="let --update-floors lower a floor")
    p.set_defaults(func=_run_eval_events)


def positive_int(text: str) -> int:
    """argparse type: a whole number of at least 1."""
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, not {text!r}")
    return int(text)


def _run_eval_events(args: argparse.Namespace) -> int:
    import json

    from .evaluate import events as ev
    from .evaluate.gold import GoldError, shared_dir

    report: dict = {}
    try:
        if not args.no_gold:
            predictions = _load_predictions(args.predictions) if args.predictions else None
            report = ev.evaluate_gold(Path(args.gold) if args.gold else shared_dir() / "gold", predictions, args.losses)
            print(ev.format_table(report))
            if args.details:
                print(report["details"])
            if args.losses:
                from .evaluate.losses import format_losses

                print(format_losses(Counter(report["losses"])))
        if args.esc is not None:
            from .evaluate import esc

            folder = Path(args.esc) if args.esc else esc.default_dir()
            report["esc"] = esc.evaluate(folder, limit=args.esc_limit)
            print(esc.format_table(report["esc"]))
        floors = ev.read_floors()
        if args.update_floors:
            raised = ev.raised_floors(_floor_view(args, report), floors, args.allow_lower_floors)
            ev.FLOORS_FILE.write_text(json.dumps(raised, indent=2) + "\n")
            print(f"floors written to {ev.FLOORS_FILE}")
    except (GoldError, ev.FloorError, OSError, ValueError) as exc:
        print(f"timeline eval events: {exc}", file=sys.stderr)
        return 1
    except ImportError as exc:
        hint = "" if args.predictions else "; score a timeline file with --predictions FILE"
        print(f"timeline eval events: part of the package is not available ({exc}){hint}", file=sys.stderr)
        return 1
    return _figures_out(args, report, "events", ev.FLOORS_FILE, _floor_view(args, report))


def _floor_view(args: argparse.Namespace, report: dict) -> dict:
    """The figures as the floors name them: the shared gold's at the top ("overall.f1"), another
    gold folder's under its folder name ("unseen.overall.f1"), so one set's floors never judge
    another's."""
    if args.no_gold or not args.gold:
        return report
    from .evaluate.gold import shared_dir

    folder = Path(args.gold)
    if folder.resolve() == (shared_dir() / "gold").resolve():
        return report
    view = {folder.name: {k: v for k, v in report.items() if k != "esc"}}
    return {**view, "esc": report["esc"]} if "esc" in report else view


def _add_eval_muc4(targets: argparse._SubParsersAction) -> None:
    p = targets.add_parser(
        "muc4",
        help="events against the MUC-4 answer keys (terrorist incidents in wire reports)",
        description=(
            "Per MUC-4 incident template: whether an extracted event of the same report names its "
            "perpetrators, targets, instrument or place; type fit, date exactness and soundness (beside "
            "the publication-day baseline on the same incidents), stage against modality, perpetrator "
            "organisations among the actors, targets among the targets. Keys are read from "
            "../shared/data/muc4-keys (or $TIMELINE_SHARED/data/muc4-keys)."
        ),
    )
    p.add_argument("--split", choices=("train", "dev"), default="train",
                   help="train: develop on it; dev: read as figures only (default: train)")
    p.add_argument("--limit", type=positive_int, metavar="N", help="score only the first N reports")
    p.add_argument("--details", action="store_true",
                   help="list missed incidents, wrong types and dates, unnamed perpetrators (train split only)")
    p.add_argument("--confusion", action="store_true",
                   help="count the matched incidents by key type and extracted type (counts only, either split)")
    p.add_argument("--json", metavar="FILE", help="write every figure to this JSON file")
    p.add_argument("--check-floors", action="store_true", help="exit 1 when a figure is below its pinned floor")
    p.set_defaults(func=_run_eval_muc4)


def _add_eval_plover(targets: argparse._SubParsersAction) -> None:
    p = targets.add_parser(
        "plover",
        help="events against the PLOVER gold standard records (one coded sentence each)",
        description=(
            "Category accuracy (the current manual's 16 categories), source and target actor recall, "
            "sentences without an event and events whose type has no PLOVER category, beside the "
            "'most frequent category' and 'nothing' baselines."
        ),
    )
    p.add_argument("file", nargs="?", help="a PLOVER GSR JSON array (default: ../shared/data/plover-gsr/gsr-dev.json)")
    p.add_argument("--details", action="store_true", help="list each record whose category or source actors were missed")
    p.add_argument("--json", metavar="FILE", help="write every figure to this JSON file")
    p.add_argument("--check-floors", action="store_true", help="exit 1 when a figure is below its pinned floor")
    p.set_defaults(func=_run_eval_plover)


def _run_eval_muc4(args: argparse.Namespace) -> int:
    from .evaluate import muc4

    if args.details and args.split != "train":
        print("timeline eval muc4: --details is for the train split; the dev split is read as figures only",
              file=sys.stderr)
        return 2
    try:
        report = muc4.evaluate(args.split, limit=args.limit)
    except (OSError, ValueError) as exc:
        print(f"timeline eval muc4: {exc} (set TIMELINE_SHARED to the folder holding data/)", file=sys.stderr)
        return 1
    print(muc4.format_table(report))
    if args.confusion:
        print(muc4.format_confusion(report))
    if args.details:
        print(muc4.format_details(report))
    return _figures_out(args, {"muc4": {args.split: report["figures"]}}, "muc4")


def _run_eval_plover(args: argparse.Namespace) -> int:
    from .evaluate import plover

    try:
        report = plover.evaluate(Path(args.file) if args.file else None)
    except (OSError, ValueError, KeyError) as exc:
        print(f"timeline eval plover: {exc}", file=sys.stderr)
        return 1
    print(plover.format_table(report))
    if args.details:
        print(plover.format_details(report))
    return _figures_out(args, {"plover": report["figures"]}, "plover")


def _figures_out(args: argparse.Namespace, figures: dict, name: str, floors_file: Path | None = None,
                 floor_view: dict | None = None) -> int:
    """Write --json, check --check-floors against the floors file (default: floors_conflict.json)
    on ``floor_view`` (default: the figures themselves); the exit code."""
    import json

    from .evaluate import events as ev

    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=2, default=str) + "\n", encoding="utf-8")
    failures = (ev.floor_failures(figures if floor_view is None else floor_view,
                                  ev.read_floors(floors_file or ev.CONFLICT_FLOORS_FILE))
                if args.check_floors else [])
    for line in failures:
        print(f"timeline eval {name}: below floor: {line}", file=sys.stderr)
    return 1 if failures else 0


def _load_predictions(path: str):
    """A predicted timeline file, validated by the store (errors carry line numbers), or a store."""
    from .columnar import StoreError, is_store_path

    if is_store_path(path):
        from .query import timeline

        try:
            return timeline(path)
        except StoreError as exc:
            raise ValueError(str(exc)) from None
    try:
        from .store import TimelineError, load
    except ImportError:  # store not importable: plain validation, without line numbers
        import yaml
        from pydantic import ValidationError

        from .models import Timeline

        try:
            with open(path, encoding="utf-8") as handle:
                return Timeline.model_validate(yaml.safe_load(handle))
        except (yaml.YAMLError, ValidationError) as exc:
            raise ValueError(f"{path}: not a valid timeline:\n{exc}") from None
    try:
        return load(path).timeline
    except TimelineError as exc:
        raise ValueError(f"{path}: not a valid timeline:\n{exc}") from None
