"""Cross-event checks: what a schema cannot see because it needs more than one record.

Duplicate ids, relations and sources pointing nowhere, evidence that is not in its document,
offsets that miss their quote, ids both present and rejected, and (through ``solver.solve``)
ordering cycles and relations that contradict explicit dates. Each problem names the path of the
offending node (``events[3].relations[0]``); ``store`` turns that path into a line and column.
An article that cannot be read (missing, moved, outside the allowed folder) is a warning: the
file stays usable, but its quotes cannot be checked or shown.
"""

from __future__ import annotations

import difflib
from collections import Counter
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from .documents import document_text, read_document
from .models import Event, Source, Timeline
from .store import Problem

if TYPE_CHECKING:  # the solver is imported where it runs (it is the slow import)
    from .solver import Conflict

__all__ = ["check_timeline", "document_text"]


def check_timeline(timeline: Timeline, base_dir: Path | None = None, root: Path | None = None) -> list[Problem]:
    """Every cross-event problem, in file order within each kind; unreadable articles as warnings."""
    texts, unread = _read_documents(timeline, base_dir, root)
    found = _duplicates(timeline) + _references(timeline) + _rejected_present(timeline)
    found += unread + _evidence(timeline, texts)
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
                message = f"duplicate id {record.id!r} (also {field}[{first[record.id]}])"
                if field == "events":
                    message += "; the order and dates of events related to it are checked once ids are unique"
                found.append(_problem(f"{field}[{n}].id", message))
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


def _read_documents(timeline: Timeline, base_dir: Path | None,
                    root: Path | None) -> tuple[dict[str, str | None], list[Problem]]:
    """Each document's text (with a duplicate id, the first counts), and a warning per article
    that cannot be read, once, with the path looked for."""
    quoting = Counter(d for e in timeline.events for d in {s.document for s in e.sources})
    texts: dict[str, str | None] = {}
    unread = []
    for n, document in enumerate(timeline.documents):
        if document.id in texts:
            continue
        texts[document.id], why = read_document(document, base_dir, root)
        if why:
            count = quoting.get(document.id, 0)
            message = f"{why}; the quotes of {count} event{'s' if count != 1 else ''} cannot be checked or shown"
            unread.append(Problem("", None, None, f"documents[{n}].origin", message, warning=True))
    return texts, unread


def _evidence(timeline: Timeline, texts: dict[str, str | None]) -> list[Problem]:
    """Quotes must be in their document's text, and offsets must point at them."""
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
        return [_problem(f"{path}.quote", f"quote not found in the text of document {source.document!r}"
                                          + _quote_hint(source, text))]
    if source.start is None or text[source.start : source.end] == source.quote:
        return []
    held = text[source.start : source.end]
    shown = held if len(held) <= 40 else held[:37] + "..."
    return [_problem(f"{path}.start", f"offsets {source.start}-{source.end} hold {shown!r}, not the quote; it is at {at}-{at + len(source.quote)}")]


# typographic marks a paste or an editor brings in, read as the plain ones articles mostly use
_PLAIN = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "`": "'",
                        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
                        "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2212": "-"})


@lru_cache(maxsize=8)  # every quote missing from one article folds that article once, not once per quote
def _folded(text: str) -> tuple[str, tuple[int, ...]]:
    """Text with plain quotes and dashes, one space per run of white space and lower case, and
    where each folded character starts in the original (to show the original words)."""
    out: list[str] = []
    where: list[int] = []
    for i, char in enumerate(text.translate(_PLAIN)):
        if char.isspace():
            if out and out[-1] == " ":
                continue
            char = " "
        lower = char.lower()
        out.append(lower if len(lower) == 1 else char)
        where.append(i)
    return "".join(out), tuple(where)


def _quote_hint(source: Source, text: str) -> str:
    """What the article says where the quote was meant: the same words with other quotes, dashes,
    spaces or capitals, or else what its offsets hold; '' when neither helps."""
    quote, _ = _folded(source.quote.strip())
    folded, positions = _folded(text)
    at = folded.find(quote) if quote else -1
    if at >= 0:
        start, end = positions[at], positions[at + len(quote) - 1] + 1
        return (f"; the article has these words with other quotes, dashes, spaces or capitals at {start}-{end}: "
                f"{_shown(text[start:end], 160)!r}: write the quote as the article has it")
    if source.start is not None and source.end is not None and 0 <= source.start < source.end <= len(text):
        return f"; its offsets {source.start}-{source.end} hold {_shown(text[source.start:source.end], 160)!r}"
    return ""


def _shown(text: str, limit: int) -> str:
    """At most ``limit`` characters of the article, so one problem stays one readable line."""
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _order(timeline: Timeline) -> list[Problem]:
    """Cycles and date contradictions, as the solver finds them, at the first relation involved."""
    try:
        from .solver import solve
    except ImportError:  # pragma: no cover - the solver ships with the package
        return []
    index = {e.id: n for n, e in reversed(list(enumerate(timeline.events)))}
    doubled = _doubled_ids(timeline.events)
    found = []
    for conflict in solve(timeline).conflicts:
        if conflict.kind == "unknown-target" or _touches(conflict, doubled):
            continue  # reported by _references, or by _duplicates: the solver merged two events
        if conflict.relations and all(a == b for a, _, b in conflict.relations):
            continue  # an event ordered against itself: reported by _references
        found.append(_problem(_conflict_path(conflict, timeline.events, index), conflict.message))
    return found


def _doubled_ids(events: list[Event]) -> set[str]:
    """Ids borne by more than one event: the solver sees them as one event with both dates."""
    return {i for i, count in Counter(e.id for e in events).items() if count > 1}


def _touches(conflict: Conflict, ids: set[str]) -> bool:
    """Whether a conflict involves one of ``ids`` (its chain would blame unrelated events)."""
    named = set(conflict.event_ids) | {x for a, _, b in conflict.relations for x in (a, b)}
    return bool(named & ids)


def _conflict_path(conflict: Conflict, events: list[Event], index: dict[str, int]) -> str:
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
