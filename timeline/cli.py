"""The ``timeline`` command: thin argument parsing over the package's public functions.

Each subcommand has one ``_add_<name>`` function that declares its arguments and one
``_run_<name>`` function that calls the core and prints. No logic lives here.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from .cli_eval import add_eval, positive_int

if TYPE_CHECKING:  # imported where used, to keep the CLI's start fast
    from pathlib import Path

    from .models import Timeline

DEFAULT_FILE = "events.yaml"


# --- validate / show / app (store) -------------------------------------------------------------


def _add_validate(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "validate", help="check a timeline file and list every problem with its line",
        description="Check a timeline file: YAML syntax, every field, and the checks across events "
        "(duplicate ids, relations to unknown events, ordering cycles, relations that contradict "
        "dates, quotes missing from their document, offsets that miss their quote). Every problem "
        "is printed as FILE:LINE:COL: PATH: MESSAGE. An article that cannot be read (moved, missing, or "
        "outside the timeline's folder) is reported too, since its quotes cannot be checked. Exit "
        "status 0 when valid, 1 when not.")
    p.add_argument("file", nargs="?", default=DEFAULT_FILE, help="timeline file (default: events.yaml)")
    _add_root(p)
    p.set_defaults(func=_run_validate)


def _add_root(p: argparse.ArgumentParser) -> None:
    p.add_argument("--root", metavar="DIR", help="read articles named by `origin` inside DIR (default: only "
                   "inside the timeline file's folder; origins elsewhere are refused)")


def _run_validate(args: argparse.Namespace) -> int:
    from pathlib import Path

    from .columnar import is_store_path
    from .store import TimelineError, load

    if is_store_path(args.file):
        return _validate_store(args.file)
    try:
        loaded = load(args.file, Path(args.root) if args.root else None)
    except TimelineError as exc:
        return _report_problems(args.file, exc.problems)
    if loaded.warnings:
        return _report_problems(args.file, loaded.warnings)
    n_events, n_docs = len(loaded.timeline.events), len(loaded.timeline.documents)
    print(f"{args.file}: {n_events} event{'s' if n_events != 1 else ''}, "
          f"{n_docs} document{'s' if n_docs != 1 else ''}, valid")
    return 0


def _report_problems(file: str, problems: list) -> int:
    for problem in problems:
        print(str(problem), file=sys.stderr)
    count = len(problems)
    print(f"{file}: {count} problem{'s' if count != 1 else ''}", file=sys.stderr)
    return 1


def _validate_store(path: str) -> int:
    from .storecheck import counts, problems

    found = problems(path)
    if found:
        return _report_problems(path, found)
    n_events, n_docs = counts(path)
    print(f"{path}: {n_events} events, {n_docs} documents, valid")
    return 0


def _add_filters(p: argparse.ArgumentParser) -> None:
    """Filters for show and export; on a store they run as one DuckDB query."""
    p.add_argument("--type", action="append", default=[], metavar="TYPE", type=_event_type,
                   help="only events of this type (repeatable; a name of timeline/taxonomy.yaml or an alias)")
    p.add_argument("--actor", action="append", default=[], metavar="NAME", help="only events with this actor (repeatable)")
    p.add_argument("--place", action="append", default=[], metavar="NAME", help="only events at this place (repeatable)")
    p.add_argument("--from", dest="start", type=_iso_date, metavar="DATE", help="only events that can be on or after DATE")
    p.add_argument("--to", dest="end", type=_iso_date, metavar="DATE", help="only events that can be on or before DATE")
    p.add_argument("--search", default="", metavar="WORDS", help="only events whose text holds every word")


def _event_type(text: str) -> str:
    """--type: a type or alias of the taxonomy; a typo is an error naming the likely type, not an
    empty result."""
    from .taxonomy import loose_canonical, nearest_type

    name = loose_canonical(text)
    if name:
        return name
    near = nearest_type(text)
    raise argparse.ArgumentTypeError(f"unknown event type {text!r}; "
                                     + (f"did you mean {near!r}?" if near else "see timeline/taxonomy.yaml"))


def _no_match(args: argparse.Namespace, command: str = "show") -> int:
    """An empty result under filters is said on stderr with exit 1, not shown as an empty table;
    an actor or place the timeline does not hold as written gets the names it likely meant."""
    from .namehints import hints

    given = [f"--{name} {value}" for name in ("type", "actor", "place") for value in getattr(args, name)]
    given += [f"--{flag} {value}" for flag, value in (("from", args.start), ("to", args.end), ("search", args.search))
              if value]
    print(f"timeline {command}: no event matches {' '.join(given)}", file=sys.stderr)
    for line in hints(args.file, {"actor": args.actor, "place": args.place}):
        print(line, file=sys.stderr)
    return 1


def _filtering(args: argparse.Namespace) -> bool:
    """Whether any filter was given: only then is an empty result 'no event matches'."""
    return bool(args.type or args.actor or args.place or args.start or args.end or args.search)


def _query_of(args: argparse.Namespace):
    from .query import Query

    return Query(types=frozenset(args.type), actors=frozenset(args.actor), places=frozenset(args.place),
                 start=args.start, end=args.end, text=args.search)


def _add_show(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "show", help="print the timeline as a table, sorted by earliest date",
        description="Print the events as a plain-text table (id, date as written, precision, type, "
        "title, actors), sorted by earliest date; events with an open start ('../2024-01-31' or "
        "no date) come first. Dates marked * are inferred. An invalid file prints its problems "
        "and exits with status 1.")
    p.add_argument("file", nargs="?", default=DEFAULT_FILE, help="timeline file (default: events.yaml)")
    p.add_argument("--width", type=int, default=100, metavar="N",
                   help="fit the table into N columns (default: 100; at least 80 keeps every date whole)")
    p.add_argument("--limit", type=positive_int, metavar="N", help="print the first N events only")
    _add_filters(p)
    p.set_defaults(func=_run_show)


def _load_or_report(path: str, args: argparse.Namespace | None = None):
    """The (filtered) timeline at ``path``, a file or a store, or None after printing the problems."""
    from .columnar import StoreError, is_store_path
    from .query import filtered, timeline
    from .store import TimelineError, load

    try:
        if is_store_path(path):
            return timeline(path, _query_of(args) if args else None, with_text=True)
        loaded = load(path).timeline
        return filtered(loaded, _query_of(args)) if args else loaded
    except (TimelineError, StoreError) as exc:
        print(str(exc), file=sys.stderr)
        return None


def _run_show(args: argparse.Namespace) -> int:
    from .columnar import StoreError, is_store_path
    from .table import render, render_rows, rows

    if is_store_path(args.file):
        from .query import connect, show_rows

        try:
            body, inferred = show_rows(connect(args.file), _query_of(args), args.limit)
        except StoreError as exc:
            print(str(exc), file=sys.stderr)
            return 1
        if not body and _filtering(args):
            return _no_match(args)
        print(render_rows(body, max(args.width, 40), inferred))
        return 0
    timeline = _load_or_report(args.file, args)
    if timeline is None:
        return 1
    if not timeline.events and _filtering(args):
        return _no_match(args)
    if args.limit:
        inferred = any(e.date_inferred for e in timeline.events)
        print(render_rows(rows(timeline)[:args.limit], max(args.width, 40), inferred))
        return 0
    print(render(timeline, width=max(args.width, 40)))
    return 0


def _add_app(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("app", help="open the interactive timeline in the browser (Streamlit)",
                       description="Start the Streamlit app on FILE: filter, click through, edit and export "
                       "the timeline. Edits are saved back to FILE (comments kept). A columnar store "
                       "(STORE.parquet) opens read-only: filters run in DuckDB, the chart shows the first 2,000 "
                       "matches, and chosen events are promoted into a curated file. Runs offline and keeps "
                       "the terminal until Ctrl-C. Listening beyond this machine (--host 0.0.0.0), the "
                       "app's file box opens only timeline files inside --root (default: FILE's folder).")
    p.add_argument("file", nargs="?", default=DEFAULT_FILE, help="timeline file (default: events.yaml)")
    p.add_argument("--port", type=int, default=8501, help="port to serve on (default: 8501)")
    p.add_argument("--host", default="127.0.0.1",
                   help="address to listen on (default: 127.0.0.1, this machine only)")
    p.add_argument("--root", metavar="DIR", help="the folder the app may read articles and timeline files "
                   "from (default: the timeline file's folder)")
    p.set_defaults(func=_run_app)


_LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1")


def _app_file_problem(file: str, root: str | None) -> str | None:
    """Why ``timeline app`` cannot serve ``file``: missing, a folder, or outside --root."""
    from pathlib import Path

    from .columnar import is_store_path

    path = Path(file)
    if path.is_dir() and is_store_path(path):
        return None  # a columnar store: the app opens it read-only
    if path.is_dir():
        inside = path / DEFAULT_FILE
        hint = f"; did you mean {inside}?" if inside.is_file() else "; give a timeline file inside it"
        return f"{file} is a folder, not a timeline file{hint}"
    if not path.is_file():
        return f"{file}: no such file (create one with 'timeline extract ARTICLE -o {file}')"
    if root and not path.resolve().is_relative_to(Path(root).resolve()):
        return f"{file} is outside --root {root}"
    return _article_given(path)


def _article_given(path: Path) -> str | None:
    """An article named where the timeline belongs: refused before the server starts (a file
    that is a timeline but broken still opens, on the app's problem panel)."""
    from .store import ARTICLE_SUFFIXES, TimelineError, load

    if path.suffix.lower() not in ARTICLE_SUFFIXES:
        return None
    try:
        load(path)
    except TimelineError as exc:
        return str(exc.problems[0])
    return None


def app_environment(file: str, host: str, root: str | None) -> dict[str, str | None]:
    """What the app is told about its reach (None: unset): a --root, and beyond this machine a root
    in any case (the file's folder by default) and that the file box is confined to it."""
    from pathlib import Path

    if host in _LOCAL_HOSTS:
        return {"TIMELINE_REMOTE": None, "TIMELINE_ROOT": str(Path(root).resolve()) if root else None}
    return {"TIMELINE_REMOTE": "1", "TIMELINE_ROOT": str(Path(root or Path(file).resolve().parent).resolve())}


def _run_app(args: argparse.Namespace) -> int:
    import os
    import subprocess
    from pathlib import Path

    app = Path(__file__).resolve().parent.parent / "app.py"
    if not app.exists():
        print(f"timeline app: cannot find {app} (run from a source checkout)", file=sys.stderr)
        return 1
    problem = _app_file_problem(args.file, args.root)
    if problem:
        print(f"timeline app: {problem}", file=sys.stderr)
        return 1
    for name, value in app_environment(args.file, args.host, args.root).items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value
    if args.host not in _LOCAL_HOSTS:
        print(f"timeline app: listening beyond this machine: articles and timeline files are opened only "
              f"inside {os.environ['TIMELINE_ROOT']}", flush=True)
    cmd = [sys.executable, "-m", "streamlit", "run", str(app), f"--server.port={args.port}",
           f"--server.address={args.host}", "--browser.gatherUsageStats=false", "--server.headless=true",
           "--server.enableStaticServing=true",  # static/world_110m.json: the map's land and borders, offline
           "--", str(Path(args.file).resolve())]
    print(f"timeline app: serving {args.file} on http://{args.host}:{args.port}/ (Ctrl-C to stop)", flush=True)
    if hasattr(os, "execv") and os.name == "posix":
        os.execv(sys.executable, cmd)  # become Streamlit: Ctrl-C and kill reach it directly
    return subprocess.call(cmd)


def _add_narrow(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "narrow", help="narrow inferred dates from the dates and relations (after you set a date)",
        description="Run the solver over a timeline file and list every inferred date (date_inferred: true, "
        "or no date, on an event that is not curated and not edited by hand) that the stated dates and "
        "the relations now bound more tightly: old and new, in EDTF and in words. Nothing is written "
        "without --write; with it only those dates change (comments and layout kept, atomic write). "
        "Dates a person or the text gave and curated events never change, and a new date is never "
        "wider than the old one. An inferred date that no longer fits at all is listed as stale, for "
        "you to fix. A file that does not validate (a contradiction, a cycle) is reported as "
        "'timeline validate' reports it, with exit status 1.")
    p.add_argument("file", nargs="?", default=DEFAULT_FILE, help="timeline file (default: events.yaml)")
    p.add_argument("--write", action="store_true", help="save the narrowed dates into FILE")
    p.add_argument("--check", action="store_true",
                   help="exit with status 1 when some date could be narrowed and was not written, or is stale (for CI)")
    p.set_defaults(func=_run_narrow)


def _run_narrow(args: argparse.Namespace) -> int:
    from .narrow import accept, narrowings
    from .store import TimelineError, load, save

    try:
        loaded = load(args.file)
    except TimelineError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    report = narrowings(loaded.timeline)
    for item in report.narrowings:
        print(f"{item.event_id}: {item.words().partition(': ')[2]}  [{item.old or 'no date'} -> {item.new}]")
    for item in report.stale:
        print(f"{item.event_id}: stale inferred date {item.old}: the solver now says {item.new}; edit it by hand",
              file=sys.stderr)
    count = len(report.narrowings)
    if not count:
        print(f"{args.file}: nothing to narrow: every inferred date is as narrow as the dates and relations allow")
        return 1 if args.check and report.stale else 0
    if args.write:
        save(args.file, accept(loaded.timeline, report.narrowings), loaded.digest)
        print(f"{args.file}: {count} date{'s' if count != 1 else ''} narrowed and saved")
        return 0
    print(f"{args.file}: {count} date{'s' if count != 1 else ''} can be narrowed; run with --write to save")
    return 1 if args.check else 0


# --- timex (temporal expressions) --------------------------------------------------------------


def _add_timex(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "timex", help="tag and normalise temporal expressions in a text",
        description="Find DATE, TIME, DURATION and SET expressions and print them with TimeML values. "
        "Offsets are character offsets into the text exactly as read (UTF-8). A .jsonl input holds one "
        'document per line ({"id", "published", "text"}) and gives one JSON line per document.')
    p.add_argument("file", help="a UTF-8 text file, a .jsonl file of documents, or - for stdin")
    p.add_argument("--published", metavar="YYYY-MM-DD",
                   help="publication date that relative expressions resolve against (default: found in "
                   "the text; without one they stay unresolved)")
    p.add_argument("--mode", choices=("news", "narrative"), default="news",
                   help="news: 'yesterday' is relative to the publication date; narrative: to the last "
                   "date mentioned (histories). Default: news")
    p.add_argument("--format", choices=("json", "timeml"), default="json",
                   help="json: a list of {start, end, text, type, value}; timeml: the text with TIMEX3 tags")
    p.set_defaults(func=_run_timex)


def _run_timex(args: argparse.Namespace) -> int:
    from timeline.timex import tag
    from timeline.documents import published_day
    from timeline.timex.output import InputError, is_jsonl, read_input, render, tag_jsonl
    from timeline.timex.published import find_published

    try:
        published = published_day(args.published, "--published")
        text = read_input(args.file, sys.stdin)
    except InputError as exc:
        print(f"timeline timex: {exc}", file=sys.stderr)
        return 1
    if is_jsonl(args.file, text):
        failed = 0
        for result in tag_jsonl(text, args.file, published, args.mode, args.format):
            if result.error:
                failed += 1
                print(f"timeline timex: {result.error}", file=sys.stderr)
            else:
                print(result.line)
        return 1 if failed else 0
    published = published or find_published(text)
    if published is None:
        print("timeline timex: no publication date found (use --published); relative expressions "
              "are left unresolved", file=sys.stderr)
    print(render(text, tag(text, published, args.mode), args.format))
    return 0


# --- extract (events) --------------------------------------------------------------------------


def _add_extract(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "extract", help="extract dated, ordered events from articles",
        description="Read articles (plain text, Markdown, HTML, JSON lines with id/published/title/text, "
        "folders of these, or - for stdin) and extract typed events with actors, place, an EDTF date "
        "interval, modality, relations and the exact quote as evidence. Without --into or -o the "
        "timeline is printed to stdout. Folders are read recursively (hidden files left out; other "
        "file types are counted and named on stderr). An article given twice is read once; each "
        "document id is the file's stem and a hash of its text. A file that cannot be read (binary, not "
        "UTF-8) or a bad JSON line among others is named with its file and line on stderr and skipped. "
        "Nothing is written before the end of a run: Ctrl-C (exit 130) leaves the target as it was, and a "
        "new run starts over. Exit status 0 on success, also when nothing was new; 1 on bad input or "
        "when no article was read.")
    p.add_argument("paths", nargs="+", metavar="PATH", help="article file, folder, or - for stdin")
    p.add_argument("--published", metavar="DATE", type=_iso_date,
                   help="publication date (YYYY-MM-DD) of the articles; a JSON line's own 'published' "
                   "wins over it, and it wins over a date found in a page or text")
    target = p.add_mutually_exclusive_group()
    target.add_argument("--into", metavar="FILE", help="merge into this timeline (e.g. events.yaml); "
                        "curated events and rejected ids are never touched")
    target.add_argument("-o", "--output", metavar="FILE", help="write a new timeline file (refuses one holding curated "
                        "events: use --into); a name ending in .parquet makes a columnar store for large corpora "
                        "(see docs/scale.md), left as it was when a run over the same articles gives the same store")
    p.add_argument("--format", choices=("yaml", "json", "parquet"), default=None,
                   help="output format for -o or stdout (default: from the -o suffix, else yaml)")
    p.add_argument("--min-confidence", type=_fraction, default=0.5, metavar="X",
                   help="drop events less sure than X, between 0 and 1 (default 0.5)")
    p.add_argument("--root", metavar="DIR",
                   help="the folder articles may be referenced from (default: the timeline file's folder); "
                   "articles outside it are stored inline in the timeline")
    p.add_argument("--no-progress", action="store_true",
                   help="no progress on stderr (default: a bar on a terminal, a line every 10 s otherwise)")
    p.add_argument("--jobs", type=int, default=1, metavar="N",
                   help="worker processes for large corpora (default 1; same output whatever N)")
    p.add_argument("--scheduler", metavar="ADDRESS",
                   help="with a .parquet store: run on a Dask distributed cluster (tcp://host:8786; its workers "
                   "must see the input and the store at the same paths), or 'local' for a cluster of --jobs "
                   "worker processes on this machine. Same output as without it")
    p.set_defaults(func=_run_extract)


def _iso_date(value: str):
    import datetime as dt

    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date like 2024-01-31") from None


def _fraction(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        number = -1.0
    if not 0.0 <= number <= 1.0:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number between 0 and 1")
    return number


def _run_extract(args: argparse.Namespace) -> int:
    from .columnar import is_store_path
    from .documents import DocumentError
    from .extract import Options, extract
    from .store import TimelineError

    if args.format == "parquet" or args.scheduler or (args.output and is_store_path(args.output)):
        return _extract_to_store(args)
    try:
        _check_target(args.into or args.output)
        refusal = _target_refusal(args)
        if refusal:
            print(f"timeline extract: {refusal}", file=sys.stderr)
            return 1
        docs = _read_articles(args.paths, args.published, args.into, args.root, args.output)
        options = Options(published=args.published, min_confidence=args.min_confidence, jobs=max(1, args.jobs))
        one = len(docs) == 1  # one document: progress over its steps, else over the documents
        progress = _progress(args, "steps" if one else "documents", one)
        timeline = extract(docs, options, progress=progress if progress and not one else None,
                           on_stage=progress.stage if progress and one else None)
        if progress is not None:
            progress.close()
        return _write_extracted(args, timeline)
    except (DocumentError, TimelineError, OSError) as exc:
        print(f"timeline extract: {exc}", file=sys.stderr)
        return 1


def _check_target(target: str | None) -> None:
    """A folder, or a file in a missing folder, is refused before any work is done."""
    from pathlib import Path

    from .documents import DocumentError

    if target and Path(target).is_dir():
        example = Path(target) / "events.yaml"
        raise DocumentError(f"{target} is a folder; give a file name for the timeline, e.g. {example}")
    if target and not Path(target).resolve().parent.is_dir():
        raise DocumentError(f"{target}: the folder {Path(target).resolve().parent} does not exist")


def _warn(message: str) -> None:
    print(f"timeline extract: {message}", file=sys.stderr)


def _read_articles(paths: list[str], published, into: str | None = None, root: str | None = None,
                   target: str | None = None) -> list:
    """Every article once, saying what was skipped; reading nothing is an error. An article the
    ``into`` file already lists with a publication date is read with that date when it states none
    (its listed articles read inside ``root`` when given, as the merge reads them). Undated articles
    are counted, and the advice names the timeline file to write their dates in (``into``, else the
    ``target`` of -o)."""
    from .documents import DocumentError, iter_path, unique_documents

    docs = unique_documents((d for path in paths for d in iter_path(path, published, _warn)), _warn)
    if not docs:
        raise DocumentError(f"no articles read from {', '.join(paths)}; nothing was written")
    if into and any(d.published is None for d in docs):
        docs = _dated_as_listed(docs, into, root)
    undated = [d.origin or d.id for d in docs if d.published is None]
    if undated:
        for line in undated_advice(undated, len(docs), into or target):
            _warn(line)
    return docs


def undated_advice(undated: list[str], read: int, timeline_file: str | None) -> list[str]:
    """What an article without a publication date costs, and the two ways to give one: --published
    for articles of one day, or a date per article in the timeline's documents and a second run
    (articles of different days, the usual case with a folder of wire copy)."""
    from pathlib import Path

    shown = ", ".join(undated[:3]) + (f" and {len(undated) - 3} more" if len(undated) > 3 else "")
    count = f"{len(undated)} of {read} articles" if read > 1 else "the article"
    lines = [f"no publication date found for {shown}: in {count}, relative dates such as 'yesterday' stay "
             "unresolved and undated events get no upper bound"]
    if len(undated) == 1 or not timeline_file or Path(timeline_file).suffix not in (".yaml", ".yml"):
        return lines + ["give --published YYYY-MM-DD (the articles' date) and run again"]
    return lines + [f"give --published YYYY-MM-DD when they share one date; otherwise write a line "
                    f"'published: YYYY-MM-DD' under each of them in the documents of {timeline_file} "
                    f"and run again with --into {timeline_file}: an article reads the date the file lists for it"]


def _dated_as_listed(docs: list, into: str, root: str | None = None) -> list:
    """Undated articles take the publication date the --into file lists for the same text (its
    articles read inside --root when given: without it, those outside its folder are not read)."""
    from pathlib import Path

    from .merge import dated_as_listed
    from .store import TimelineError, load

    path, inside = Path(into), Path(root) if root else None
    try:
        listed = load(path, inside).timeline.documents if path.exists() else []
    except TimelineError:
        return docs  # refused before any work (_target_refusal)
    docs, dated = dated_as_listed(docs, listed, path.resolve().parent, inside)
    for doc in dated:
        _warn(f"{doc.origin or doc.id} read with the publication date {doc.published} that {into} lists for it")
    return docs


def _progress(args: argparse.Namespace, unit: str, one: bool = False):
    """Progress on stderr (a tqdm bar on a terminal, a line every 10 s in a log), or None: asked
    off, or one document's steps with nobody watching. Unit "B": input bytes, documents beside."""
    if args.no_progress or (one and not sys.stderr.isatty()):
        return None
    from .progress import Progress

    return Progress.of_bytes() if unit == "B" else Progress(unit)


def _extract_to_store(args: argparse.Namespace) -> int:
    from .bulk import extract_to_store
    from .columnar import StoreError
    from .distributed import engine_for
    from .documents import DocumentError
    from .extract import Options

    if not args.output:
        print("timeline extract: a store is written with -o STORE.parquet (--into merges into a curated "
              "file; promote events from a store in the app)", file=sys.stderr)
        return 1
    options = Options(published=args.published, min_confidence=args.min_confidence)
    progress = _progress(args, "B")
    try:
        stats = extract_to_store(args.paths, args.output, options, engine_for(args.scheduler, max(1, args.jobs)),
                                 progress.read if progress is not None else None, root=args.root)
    except (DocumentError, StoreError, OSError) as exc:
        print(f"timeline extract: {exc}", file=sys.stderr)
        return 1
    finally:
        if progress is not None:
            progress.close()
    for message in stats.warnings:
        _warn(message)
    if stats.unchanged:
        print(f"{args.output}: nothing new, store left as it was (it already held these {stats.events} events "
              f"from {stats.documents} documents)", file=sys.stderr)
        return 0
    print(f"{args.output}: {stats.events} events from {stats.documents} documents written", file=sys.stderr)
    return 0


def _write_extracted(args: argparse.Namespace, timeline: Timeline) -> int:
    """The extraction to --into (merged), -o (replaced) or stdout, its documents' paths made relative to the target."""
    from pathlib import Path

    from .documents import for_storage
    from .export_common import counted
    from .store import dumps, save

    root = Path(args.root) if args.root else None
    base = Path(args.into or args.output).resolve().parent if (args.into or args.output) else Path.cwd()
    stored = [for_storage(d, base, root) for d in timeline.documents]
    timeline = timeline.model_copy(update={"documents": stored})
    if args.into:
        path = Path(args.into)
        if path.exists():
            return _merge_into(path, timeline, root)
        save(path, timeline, None)
        print(f"{path}: {counted(len(timeline.events), 'events')} written", file=sys.stderr)
        return 0
    fmt = args.format or ("json" if (args.output or "").endswith(".json") else "yaml")
    text = timeline.model_dump_json(indent=2, exclude_none=True) + "\n" if fmt == "json" else dumps(timeline)
    if args.output:
        from .store import write_file

        write_file(args.output, text.encode("utf-8"))
        print(f"{args.output}: {counted(len(timeline.events), 'events')} written", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0


def _target_refusal(args: argparse.Namespace) -> str | None:
    """Before any extraction work: why the target cannot take the result (an --into file that
    does not load, an -o file holding a person's work), or None."""
    from pathlib import Path

    from .store import TimelineError, load

    root = Path(args.root) if args.root else None
    if args.into and Path(args.into).exists():
        try:
            load(args.into, root)
        except TimelineError as exc:
            return f"{args.into} must be valid before merging into it; fix it first:\n{exc}"
        return None
    refusal = _overwrite_refusal(Path(args.output), root) if args.output else None
    return f"{args.output}: {refusal}" if refusal else None


def _overwrite_refusal(path: Path, root: Path | None) -> str | None:
    """Why ``-o`` must not replace ``path``: it holds a person's work (curated or hand-written
    events, rejected ids) or is not a timeline at all; None when it is absent or pure extraction."""
    from .export_common import counted
    from .merge import is_curated
    from .store import TimelineError, load

    if not path.exists() or path.is_dir() or path.stat().st_size == 0:
        return None
    try:
        held = load(path, root).timeline
    except TimelineError as exc:
        first = str(exc).splitlines()[0] if str(exc) else "it does not load"
        return f"exists and is not a timeline that extraction can replace ({first}); remove it or choose another name"
    people = sum(1 for e in held.events if is_curated(e))
    if not people and not held.rejected:
        return None
    what = counted(people, "curated or hand-written events") if people else "deleted (rejected) ids"
    return f"holds {what}; -o would overwrite them: use --into {path} to merge, or choose another name"


def _merge_into(path, timeline, root) -> int:
    """Merge into an existing timeline; its unreadable articles are said, not hidden."""
    from .merge import merge
    from .store import load, save

    loaded = load(path, root)
    for problem in loaded.warnings:
        print(f"timeline extract: {problem}", file=sys.stderr)
    merged, report = merge(loaded.timeline, timeline, path.resolve().parent, root)
    changed = merged != loaded.timeline
    if changed:
        save(path, merged, loaded.digest)
    print(f"{path}: {report.words(changed)}", file=sys.stderr)
    return 0


# --- export ------------------------------------------------------------------------------------


EXPORT_FORMATS = ("csv", "json", "plover", "acled", "timelinejs", "vis", "html")  # export.FORMATS, without importing it


def _add_export(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("export", help="write the timeline as CSV, JSON, PLOVER, ACLED, TimelineJS, vis-timeline or HTML",
                       description="Convert a timeline file into a format another tool reads. csv: one row per event "
                       "with the EDTF date and its bounds; json: the whole timeline with bounds; plover: PLOVER JSON "
                       "lines as the PLOVER manual's field table has them; acled: ACLED CSV with the codebook's 31 "
                       "columns and time_precision; timelinejs: TimelineJS 3 JSON; vis: vis-timeline items and "
                       "groups; html: a standalone page with the interactive chart (plotly.js inlined, works "
                       "offline). Events a format cannot hold honestly (no category, a date less precise than it "
                       "records, not something that happened) are left out and named on standard error. Writing "
                       "nothing is an error (exit 1).")
    p.add_argument("file", nargs="?", default=DEFAULT_FILE, help="timeline file (default: events.yaml)")
    p.add_argument("--format", "-f", required=True, choices=EXPORT_FORMATS, help="output format")
    p.add_argument("-o", "--output", default="-", help="output file (default: standard output)")
    _add_filters(p)
    p.set_defaults(func=_run_export)


def _run_export(args: argparse.Namespace) -> int:
    from .export import write
    from .store import write_file

    timeline = _load_or_report(args.file, args)
    if timeline is None:
        return 1
    if not timeline.events and _filtering(args):
        return _no_match(args, "export")
    written = write(timeline, args.format)
    if written.count == 0:
        print(f"timeline export: nothing written ({args.format}): {written.summary()}", file=sys.stderr)
        return 1
    target = "standard output" if args.output == "-" else args.output
    if args.output == "-":
        sys.stdout.write(written.text)
    else:
        try:
            write_file(args.output, written.text.encode("utf-8"))
        except OSError as exc:
            print(f"timeline export: cannot write {args.output}: {exc.strerror or exc}", file=sys.stderr)
            return 1
    print(f"wrote {target} ({args.format}): {written.summary()}", file=sys.stderr)
    return 0


# --- sql (columnar stores) --------------------------------------------------------------------


def _add_sql(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("sql", help="run a SQL query over a columnar store (DuckDB)",
                       description="Run one SQL query (DuckDB's dialect) over a store made by 'timeline extract "
                       "CORPUS -o STORE.parquet'. The views 'events' (one row per event: the Event fields, "
                       "sources and relations as lists, plus lo_day/hi_day in days since 1970-01-01, precision, "
                       "year and search) and 'documents' (id, title, published, origin, text) are defined. "
                       "Example: SELECT type, count(*) FROM events GROUP BY type ORDER BY 2 DESC")
    p.add_argument("store", help="the store folder (*.parquet)")
    p.add_argument("query", help="the SQL query")
    p.add_argument("--format", choices=("table", "csv", "json"), default="table", help="output (default: table)")
    p.set_defaults(func=_run_sql)


def _run_sql(args: argparse.Namespace) -> int:
    import duckdb

    from .columnar import StoreError
    from .query import format_result, run_sql

    try:
        names, rows = run_sql(args.store, args.query)
    except (StoreError, duckdb.Error) as exc:
        print(f"timeline sql: {exc}", file=sys.stderr)
        return 1
    sys.stdout.write(format_result(names, rows, args.format))
    return 0


# --- entry point -------------------------------------------------------------------------------


class _Parser(argparse.ArgumentParser):
    """No abbreviated options ('--in' is not '--into'), and an unknown option is named, with the
    nearest known one, before any other complaint ('--fromat', not '--format is required')."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("allow_abbrev", False)
        super().__init__(*args, **kwargs)
        self._arguments: list[str] = []

    def parse_known_args(self, args=None, namespace=None):
        self._arguments = list(sys.argv[1:] if args is None else args)
        namespace, extras = super().parse_known_args(args, namespace)
        if self._subparsers is None and _options(extras):  # a command's own parser: it knows all its options
            self.error("")
        return namespace, extras

    def error(self, message: str):
        unknown = [a for a in _options(self._arguments) if a.split("=")[0] not in self._option_string_actions]
        if unknown:
            import difflib

            name = unknown[0].split("=")[0]
            near = difflib.get_close_matches(name, list(self._option_string_actions), n=1)
            message = f"unknown option {name}" + (f"; did you mean {near[0]}?" if near else "")
        super().error(message)


def _options(arguments: list[str]) -> list[str]:
    """The option-like words of a command line, up to a bare '--'."""
    out = []
    for word in arguments:
        if word == "--":
            break
        if word.startswith("-") and word != "-" and not word[1:2].isdigit():
            out.append(word)
    return out


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="timeline",
        description=(
            "Read news articles about a conflict, extract the events in them with honest date "
            "intervals and evidence, and curate them in events.yaml on an interactive timeline."
        ),
        epilog="Run 'timeline COMMAND --help' for a command's options.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for add in (_add_validate, _add_show, _add_narrow, _add_app, _add_timex, _add_extract, add_eval, _add_export,
                _add_sql):
        add(sub)
    return parser


def _interrupted(args: argparse.Namespace) -> str:
    """What Ctrl-C left behind: an extraction writes only at its end, so its target is as it was
    and a new run starts over (there is nothing to resume)."""
    target = getattr(args, "into", None) or getattr(args, "output", None)
    if getattr(args, "func", None) is not _run_extract or target in (None, "-"):
        return "interrupted"
    return (f"interrupted: nothing was written, {target} is as it was (an extraction writes only at its end); "
            "run the command again to start over")


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except KeyboardInterrupt:
        print(_interrupted(args), file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
