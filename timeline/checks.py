"""Cross-event checks: what a schema cannot see because it needs more than one record.

Duplicate ids, relations and sources pointing nowhere, evidence that is not in its document,
offsets that miss their quote, ids both present and rejected, and (through ``solver.solve``)
ordering cycles and relations that contradict explicit dates. Each problem names the path of the
offending node (``events[3].relations[0]``); ``store`` turns that path into a line and column.
"""

from __future__ import annotations

import difflib
from pathlib import Path

from .models import Document, Event, Source, Timeline
from .store import Problem


def check_timeline(timeline: Timeline, base_dir: Path | None = None) -> list[Problem]:
    """Every cross-event problem, in file order within each kind."""
    found = _duplicates(timeline) + _references(timeline) + _rejected_present(timeline)
    found += _evidence(timeline, base_dir)
    return found + _order(timeline)


def _problem(path: str, message: str) -> Problem:
    return Problem("", None, None, path, message)


def _duplicates(timeline: Timeline) -> list[Problem]:
    """An id names one record: a second event or document with it is a mistake."""
    found = []
    for field, records in (("documents", timeline.documents), ("events", timeline.events)):
        first: dict[str, int] = {}
        for n, record in enumerate(records):
            if record.id in first:
                found.append(_problem(f"{field}[{n}].id", f"duplicate id {record.id!r} (also {field}[{first[record.id]}])"))
            first.setdefault(record.id, n)
    return found


def _suggest(name: str, known: set[str]) -> str:
    near = difflib.get_close_matches(name, sorted(known), n=1) if len(known) < 5000 else []
    return f"; did you mean {near[0]!r}?" if near else ""


def _references(timeline: Timeline) -> list[Problem]:
    """Relations must point at an existing other event; sources at a listed document."""
    events = {e.id for e in timeline.events}
    documents = {d.id for d in timeline.documents}
    found = []
    for n, event in enumerate(timeline.events):
        for k, rel in enumerate(event.relations):
            if rel.target == event.id:
                found.append(_problem(f"events[{n}].relations[{k}].target", "an event cannot be ordered against itself"))
            elif rel.target not in events:
                found.append(_problem(f"events[{n}].relations[{k}].target", f"no event has id {rel.target!r}{_suggest(rel.target, events)}"))
        for k, source in enumerate(event.sources):
            if source.document not in documents:
                message = f"no document has id {source.document!r}{_suggest(source.document, documents)}; list it under documents:"
                found.append(_problem(f"events[{n}].sources[{k}].document", message))
    return found


def _rejected_present(timeline: Timeline) -> list[Problem]:
    """An id in ``rejected`` was deleted by a person: it should not also be an event."""
    rejected = set(timeline.rejected)
    return [
        _problem(f"events[{n}].id", f"{event.id!r} is listed in rejected: remove it there or delete this event")
        for n, event in enumerate(timeline.events)
        if event.id in rejected
    ]


def document_text(document: Document, base_dir: Path | None) -> str | None:
    """The document's text: inline, or the file at ``origin`` beside the timeline, when readable."""
    if document.text is not None:
        return document.text
    if not document.origin or "://" in document.origin:
        return None
    path = Path(document.origin)
    if not path.is_absolute():
        if base_dir is None:
            return None
        path = base_dir / path
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def _evidence(timeline: Timeline, base_dir: Path | None) -> list[Problem]:
    """Quotes must be in their document's text, and offsets must point at them."""
    texts: dict[str, str | None] = {}
    for document in timeline.documents:  # with a duplicate id, the first document counts
        if document.id not in texts:
            texts[document.id] = document_text(document, base_dir)
    found = []
    for n, event in enumerate(timeline.events):
        for k, source in enumerate(event.sources):
            text = texts.get(source.document)
            if text is not None:
                found += _source_problems(f"events[{n}].sources[{k}]", source, text)
    return found


def _source_problems(path: str, source: Source, text: str) -> list[Problem]:
    """One source against its text: the quote exists, and start/end hold exactly it."""
    at = text.find(source.quote)
    if at < 0:
        return [_problem(f"{path}.quote", f"quote not found in the text of document {source.document!r}")]
    if source.start is None or text[source.start : source.end] == source.quote:
        return []
    held = text[source.start : source.end]
    shown = held if len(held) <= 40 else held[:37] + "..."
    return [_problem(f"{path}.start", f"offsets {source.start}-{source.end} hold {shown!r}, not the quote; it is at {at}-{at + len(source.quote)}")]


def _order(timeline: Timeline) -> list[Problem]:
    """Cycles and date contradictions, as the solver finds them, at the first relation involved."""
    try:
        from .solver import solve
    except ImportError:  # pragma: no cover - the solver ships with the package
        return []
    index = {e.id: n for n, e in reversed(list(enumerate(timeline.events)))}
    found = []
    for conflict in solve(timeline).conflicts:
        if conflict.kind == "unknown-target":
            continue  # reported by _references with a suggestion
        if conflict.relations and all(a == b for a, _, b in conflict.relations):
            continue  # an event ordered against itself: reported by _references
        found.append(_problem(_conflict_path(conflict, timeline.events, index), conflict.message))
    return found


def _conflict_path(conflict, events: list[Event], index: dict[str, int]) -> str:
    """Where to point for a conflict: its first relation, else its first event's date."""
    for source, relation, target in conflict.relations:
        n = index.get(source)
        if n is None:
            continue
        for k, rel in enumerate(events[n].relations):
            if rel.relation == relation and rel.target == target:
                return f"events[{n}].relations[{k}]"
    ids = [i for i in conflict.event_ids if i in index]
    return f"events[{index[ids[0]]}].date" if ids else "events"
