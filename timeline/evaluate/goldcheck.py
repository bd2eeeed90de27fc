"""Every problem of a hand-written gold file at once, as ``FILE:LINE:COL: path: message``, before
any scoring: a researcher's own annotations get the care ``timeline validate`` gives events.yaml
(a missing field, a quote not in the article, a date that is not EDTF, a relation to an unknown
id, a typo in a field or type name), instead of a traceback or one problem per run."""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from .. import dates
from ..models import MODALITIES
from ..taxonomy import event_types, nearest_type
from ..yamlread import Path_, YamlSyntaxError, path_text, read_events

TOP_FIELDS = ("document", "published", "source_file", "events", "relations", "scope", "scope_note")
EVENT_FIELDS = ("id", "type", "quote", "occurrence", "also", "actors", "people", "location", "bounds",
                "real_date", "modality", "required")
NEEDED = ("id", "type", "quote")
RELATIONS = ("before", "after", "overlaps", "during", "same")
SCOPES = ("full", "partial")  # what a gold file may annotate: every event, or those its scope_note names
Report = Callable[[Path_, str], None]


def check(path: Path, text: str, article: Callable[[dict], str]) -> tuple[Any, list[str]]:
    """The file's plain data (every scalar as text, parsed once for the check and the reading) and
    its problems, each with its place; ``article`` gives the text the quotes are in (or raises
    ValueError or OSError saying why it cannot be found or read)."""
    try:
        data, issues, marks = read_events(text)
    except YamlSyntaxError as exc:
        line, column = exc.issue.mark or (1, 1)
        return None, [f"{path}:{line}:{column}: {exc}"]
    problems: list[str] = []

    def report(where: Path_, message: str) -> None:
        line, column = _mark(marks, where)
        field = f"{path_text(where)}: " if where else ""
        problems.append(f"{path}:{line}:{column}: {field}{message}")

    for issue in issues:
        report(issue.path, issue.message)
    if not isinstance(data, dict):
        report((), f"a gold file is a mapping (document, published, events, relations), not {type(data).__name__}")
        return data, problems
    _check_top(data, report)
    try:
        body = article(data)
    except (ValueError, OSError) as exc:  # not found, not UTF-8, or not readable: said at 'document'
        report(("document",), str(exc))
        body = None
    events = data.get("events") if isinstance(data.get("events"), list) else []
    for index, event in enumerate(events):
        _check_event(event, ("events", index), body, report)
    _check_relations(data.get("relations"), _ids(events, report), report)
    return data, problems


def _mark(marks: dict[Path_, tuple[int, int]], where: Path_) -> tuple[int, int]:
    """The line and column of ``where``, or of its nearest enclosing node that has one."""
    while where not in marks and where:
        where = where[:-1]
    return marks.get(where, (1, 1))


def _did_you_mean(name: object, known: Sequence[str], otherwise: str = "") -> str:
    """'did you mean X?' for the known name nearest a misspelt one, else ``otherwise``."""
    near = difflib.get_close_matches(str(name), list(known), n=1)
    return f"did you mean {near[0]!r}?" if near else otherwise


def _unknown_fields(data: dict, known: tuple[str, ...], where: Path_, report: Report) -> None:
    """A field name the reader would ignore is a typo to name ('actor' for 'actors'), not silence."""
    for key in data:
        if key not in known:
            report((*where, key), f"unknown field {key!r}; " + _did_you_mean(key, known, f"known: {', '.join(known)}"))


def _check_top(data: dict, report: Report) -> None:
    """The file's own fields: known names, a publication day, a list of events."""
    _unknown_fields(data, TOP_FIELDS, (), report)
    if not data.get("document"):
        report(("document",), "missing: the article's path (beside this file) or its url")
    published = data.get("published")
    if published not in (None, ""):
        try:
            dt.date.fromisoformat(str(published))
        except ValueError:
            report(("published",), f"must be a day written YYYY-MM-DD, not {published!r}")
    if not isinstance(data.get("events"), list):
        report(("events",), "missing or not a list of events")
    _check_scope(data, report)


def _check_scope(data: dict, report: Report) -> None:
    """``scope`` is full or partial, and a partial file says in ``scope_note`` which events it
    annotates (the scorer counts no extra event outside them, so the note must say why)."""
    scope, note = data.get("scope", "full"), data.get("scope_note", "")
    if scope not in SCOPES:
        report(("scope",), f"must be one of {', '.join(SCOPES)}, not {scope!r}")
    if not isinstance(note, str):
        report(("scope_note",), f"must be text, not {note!r}")
    elif scope == "partial" and not note.strip():
        report(("scope",), "partial needs a scope_note saying which events are annotated")


def _check_event(event: Any, where: Path_, body: str | None, report: Report) -> None:
    """One event: its needed fields, type, quotes in the article, EDTF dates, modality, flags."""
    if not isinstance(event, dict):
        report(where, "an event is a mapping with id, type and quote")
        return
    _unknown_fields(event, EVENT_FIELDS, where, report)
    for name in NEEDED:
        if not event.get(name):
            report((*where, name), "missing (every event needs an id, a type and a quote)")
    kind = event.get("type")
    if kind and (not isinstance(kind, str) or kind not in event_types()):  # a list is no type, not a TypeError
        near = nearest_type(str(kind))
        report((*where, "type"), f"unknown event type {kind!r}" + (f"; did you mean {near!r}?" if near else ""))
    _check_quotes(event, where, body, report)
    for name in ("bounds", "real_date"):
        if event.get(name) not in (None, ""):
            try:
                dates.parse(str(event[name]))
            except ValueError as exc:
                report((*where, name), f"not an EDTF date: {exc}")
    if event.get("modality") not in (None, *MODALITIES):
        report((*where, "modality"), f"must be one of {', '.join(MODALITIES)}, not {event['modality']!r}")
    if str(event.get("required", "true")).lower() not in ("true", "false"):
        report((*where, "required"), f"must be true or false, not {event['required']!r}")


def _check_quotes(event: dict, where: Path_, body: str | None, report: Report) -> None:
    """The quote (its N-th occurrence) and every ``also`` quote must be in the article as written."""
    occurrence = str(event.get("occurrence", "1"))
    if not occurrence.isdigit() or int(occurrence) < 1:
        report((*where, "occurrence"), f"must be a whole number from 1, not {event['occurrence']!r}")
        occurrence = "1"
    also = event.get("also") or []
    if not isinstance(also, list):
        report((*where, "also"), "must be a list of quotes")
        also = []
    quotes = [((*where, "quote"), event.get("quote"), int(occurrence))]
    quotes += [((*where, "also", n), quote, 1) for n, quote in enumerate(also)]
    for place, quote, nth in quotes:
        if body is None or not quote:
            continue
        found = body.count(str(quote))
        if found < nth:
            said = "not in the article" if not found else f"in the article {found} time(s), not {nth}"
            report(place, f"{said}: {quote!r} (quotes must be copied exactly, case and punctuation included)")


def _ids(events: list, report: Report) -> set[str]:
    """The events' ids (as text, which relations are compared in); a repeated id is reported where
    it repeats, and an id that is a list or a mapping where it stands (not a TypeError)."""
    seen: set[str] = set()
    for index, event in enumerate(events):
        name = event.get("id") if isinstance(event, dict) else None
        if isinstance(name, (list, dict)):
            report(("events", index, "id"), f"must be one word or number, not {name!r}")
            continue
        if name and str(name) in seen:
            report(("events", index, "id"), f"duplicate id {name!r}")
        if name:
            seen.add(str(name))
    return seen


def _check_relations(relations: Any, ids: set[str], report: Report) -> None:
    """Each relation is [id, before|after|overlaps|during|same, id] between events of the file."""
    if relations in (None, ""):
        return
    if not isinstance(relations, list):
        report(("relations",), "must be a list of [id, relation, id]")
        return
    for index, relation in enumerate(relations):
        where = ("relations", index)
        if not isinstance(relation, list) or len(relation) != 3:
            report(where, f"must be [id, relation, id], not {relation!r}")
            continue
        if relation[1] not in RELATIONS:
            report((*where, 1), f"unknown relation {relation[1]!r}; "
                   + _did_you_mean(relation[1], RELATIONS, f"one of {', '.join(RELATIONS)}"))
        for side in (0, 2):
            if str(relation[side]) not in ids:
                hint = _did_you_mean(relation[side], sorted(ids))
                report((*where, side), f"no event has the id {relation[side]!r}" + (f"; {hint}" if hint else ""))
