"""Temporal stages: tag the document's time expressions, then date each event honestly.

An event gets a *stated* date only from a time expression in its own clause (or a fronted
adverbial such as "Yesterday," or "In 2015," that opens its sentence). Everything else is left to
the solver, which never dates a reported past event later than its publication.
"""

from __future__ import annotations

from dataclasses import replace

from .. import dates
from ..timex import tag
from .state import Clause, DocState, EventMention


def tag_timexes(state: DocState, options) -> DocState:
    """Stage: the temporal tagger over the whole text, resolved against the publication date."""
    try:
        found = tag(state.text, state.published, "news")
    except Exception:  # noqa: BLE001 - a tagger bug must not lose the document's events
        found = []
    found = [t for t in found if t.edtf and t.type in ("DATE", "TIME") and _valid(t.edtf)]
    skip = state.skip
    found = [t for t in found if not any(a <= t.start < b for a, b in skip)]
    return replace(state, timexes=found)


def _valid(value: str) -> bool:
    return dates.is_valid(value)


def _timexes_in(state: DocState, start: int, end: int) -> list:
    return [t for t in state.timexes if start <= t.start and t.end <= end]


def _fronted(state: DocState, clause: Clause) -> list:
    """Time expressions of the trigger-less clauses that open the event's sentence."""
    found = []
    event_clauses = {e.clause for e in state.events}
    for other in state.clauses:
        if other.sentence != clause.sentence or other.start >= clause.start:
            continue
        if other in event_clauses:
            return []
        found += _timexes_in(state, other.start, other.end)
    return found


def anchor(state: DocState, options) -> DocState:
    """Stage: the stated date of each event from its own clause, nearest the trigger."""
    for event in state.events:
        own = _timexes_in(state, event.clause.start, event.clause.end) or _fronted(state, event.clause)
        if own:
            nearest = min(own, key=lambda t: abs(t.start - event.trigger.start))
            event.date, event.date_stated = nearest.edtf, True
    return state


def default_date(event: EventMention, published) -> str | None:
    """What an undated event is known to satisfy from its publication date alone."""
    if published is None:
        return None
    if event.modality in ("future", "hypothetical"):
        return f"{published.isoformat()}/.."
    return f"../{published.isoformat()}"
