"""Filter a timeline's events by type, actor, person, document, date range, modality and text.

A timeline is turned once (per file version) into an ``EventTable`` of numpy columns; every
filter change is then a vectorised mask over it, so a rerun of the app stays fast at 100,000
events. No Streamlit and no plotly here.
"""

from __future__ import annotations

import datetime as dt
import heapq
import html
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np

from . import dates
from .models import Event, Timeline
from .taxonomy import event_types

EPOCH = dt.date(1970, 1, 1)
DAY_MS = 86_400_000.0
LANE_KINDS: tuple[str, ...] = ("type", "actor", "document", "none")
NO_VALUE = "(none)"


@dataclass(frozen=True)
class EventTable:
    """Column view of a timeline's events; row i is ``timeline.events[i]``."""

    ids: np.ndarray  # object: event ids (never fixed-width: memory stays per event, not per longest)
    titles: np.ndarray  # object
    types: np.ndarray  # object: type names
    lo_day: np.ndarray  # float64: days since 1970-01-01 of the earliest date, NaN when open
    hi_day: np.ndarray  # float64: days since 1970-01-01 of the latest date, NaN when open
    precision: np.ndarray  # object: day, month, season, year, interval, open ...
    modality: np.ndarray  # object
    actors: list[tuple[str, ...]]
    people: list[tuple[str, ...]]
    documents: list[tuple[str, ...]]
    search: np.ndarray  # object: lower-cased text that the search box matches
    rank: np.ndarray  # int: chronological order (dates, then relations, then file order)
    type_code: np.ndarray  # int: index into type_list (fast per-type selection)
    type_list: tuple[str, ...]
    actor_code: np.ndarray  # int: index into actor_list of the first actor, -1 when none
    actor_list: tuple[str, ...]
    doc_code: np.ndarray  # int: index into doc_list of the first cited document, -1 when none
    doc_list: tuple[str, ...]
    style: np.ndarray  # int8: 0 date stated, 1 date inferred, 2 not asserted (hypothetical ...)
    hover_cache: dict[int, str] = field(default_factory=dict)  # row -> hover text, filled on demand
    memo: dict[str, object] = field(default_factory=dict)  # derived once per table (facet options)
    places: list[tuple[str, ...]] = field(default_factory=list)  # the event's location, () when none

    def __len__(self) -> int:
        return len(self.ids)


@dataclass(frozen=True)
class Filters:
    """What the analyst asked to see; an empty set means 'no restriction'."""

    types: frozenset[str] = frozenset()
    actors: frozenset[str] = frozenset()
    people: frozenset[str] = frozenset()
    documents: frozenset[str] = frozenset()
    modalities: frozenset[str] = frozenset()
    start: dt.date | None = None
    end: dt.date | None = None
    text: str = ""
    places: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Facets:
    """How many of the shown events carry each value (for 'Armenia (12)' style labels)."""

    shown: int
    total: int
    counts: dict[str, Counter] = field(default_factory=dict)


@dataclass(frozen=True)
class Choice:
    """One entry of a filter's choices: the spelling shown, its count, and every spelling it matches."""

    shown: str
    count: int
    spellings: tuple[str, ...]


def fold_case(pairs: Iterable[tuple[str, int]]) -> list[Choice]:
    """Values that differ only in case ('Orrin valley', 'Orrin Valley') are one choice, shown in
    their most frequent spelling and matching all: an analyst means one place, not two."""
    groups: dict[str, list[tuple[str, int]]] = {}
    for value, count in pairs:
        groups.setdefault(value.casefold(), []).append((value, count))
    choices = [Choice(min(group, key=lambda p: (-p[1], p[0]))[0], sum(n for _, n in group),
                      tuple(v for v, _ in group)) for group in groups.values()]
    return sorted(choices, key=lambda c: (-c.count, c.shown))


def keep_picked(listed: list[Choice], picked: Iterable[str]) -> dict[str, Choice]:
    """The choices by the spelling shown, plus every earlier pick they no longer list, so that a
    correction never silently widens the view to all events: a pick still matched by a choice
    (the most frequent spelling of a place changed) keeps that choice's count and spellings; one no
    event holds any more stays, counted 0."""
    by_shown = {c.shown: c for c in listed}
    by_spelling = {s: c for c in listed for s in c.spellings}
    for gone in picked:
        if gone not in by_shown:
            same = by_spelling.get(gone)
            by_shown[gone] = Choice(gone, same.count, same.spellings) if same else Choice(gone, 0, (gone,))
    return by_shown


def day_number(value: dt.date) -> int:
    """Days since 1970-01-01: the unit every column of dates uses."""
    return (value - EPOCH).days


def describe_date(event: Event) -> str:
    """The date in words, e.g. 'on or before 31 Jan 2024 (inferred)', for hover and details."""
    if event.date is None:
        return "date unknown"
    b = _bounds(event)
    fmt = "%d %b %Y"
    if b.earliest is None and b.latest is None:
        words = "date unknown"
    elif b.earliest is None:
        words = f"on or before {b.latest.strftime(fmt)}"
    elif b.latest is None:
        words = f"on or after {b.earliest.strftime(fmt)}"
    elif b.earliest == b.latest:
        words = b.earliest.strftime(fmt)
    else:
        words = f"between {b.earliest.strftime(fmt)} and {b.latest.strftime(fmt)}"
    return words + (" (inferred)" if event.date_inferred else "")


def plotly_text(text: str) -> str:
    """User text for plotly, which renders a subset of HTML: ``<``, ``>`` and ``&`` escaped so no
    tag can form; quotes stay as they are, since plotly shows ``&quot;`` literally."""
    return html.escape(text, quote=False)


def hover_text(event: Event) -> str:
    """Escaped hover text: plotly renders a subset of HTML, so user text must be escaped."""
    label = event_types()[event.type].label
    lines = [
        f"<b>{plotly_text(event.title)}</b>",
        f"{plotly_text(event.date or 'no date')} - {plotly_text(describe_date(event))}",
        f"{plotly_text(label)} - {plotly_text(event.modality)}",
    ]
    if event.actors:
        lines.append("actors: " + plotly_text(", ".join(event.actors)))
    return "<br>".join(lines)


def _search_text(event: Event) -> str:
    parts = [event.id, event.title, event.location or "", event.notes or "", *event.actors, *event.people]
    parts.extend(s.quote for s in event.sources)
    return " ".join(parts).lower()


def _relation_order(events: list[Event]) -> dict[str, int]:
    """Topological position from before/after relations (file order breaks ties and cycles)."""
    index = {e.id: i for i, e in enumerate(events)}
    succ: dict[int, list[int]] = {}
    indeg = [0] * len(events)
    for i, e in enumerate(events):
        for r in e.relations:
            j = index.get(r.target)
            if j is None or r.relation not in ("before", "after"):
                continue
            a, b = (i, j) if r.relation == "before" else (j, i)
            succ.setdefault(a, []).append(b)
            indeg[b] += 1
    ready = [i for i in range(len(events)) if indeg[i] == 0]  # ascending: already a heap
    order: list[int] = []
    while ready:
        i = heapq.heappop(ready)
        order.append(i)
        for j in succ.get(i, ()):
            indeg[j] -= 1
            if indeg[j] == 0:
                heapq.heappush(ready, j)
    placed = set(order)
    order.extend(i for i in range(len(events)) if i not in placed)  # cycles: file order
    return {events[i].id: pos for pos, i in enumerate(order)}


def _bounds(event: Event) -> dates.Bounds:
    return dates.Bounds(None, None, "open") if event.date is None else dates.parse(event.date)


def _days(events: list[Event]) -> tuple[np.ndarray, np.ndarray]:
    lo = np.full(len(events), np.nan)
    hi = np.full(len(events), np.nan)
    for i, e in enumerate(events):
        b = _bounds(e)
        if b.earliest is not None:
            lo[i] = day_number(b.earliest)
        if b.latest is not None:
            hi[i] = day_number(b.latest)
    return lo, hi


def _rank(events: list[Event], lo: np.ndarray, hi: np.ndarray) -> np.ndarray:
    topo = _relation_order(events)
    pos = np.array([topo.get(e.id, i) for i, e in enumerate(events)], dtype=np.int64)
    key_lo = np.where(np.isnan(lo), np.where(np.isnan(hi), np.inf, hi), lo)
    key_hi = np.where(np.isnan(hi), np.inf, hi)
    order = np.lexsort((pos, key_hi, key_lo))
    rank = np.empty(len(events), dtype=np.int64)
    rank[order] = np.arange(len(events))
    return rank


def _objects(values: Iterable) -> np.ndarray:
    items = list(values)
    out = np.empty(len(items), dtype=object)
    out[:] = items
    return out


def build_table(timeline: Timeline) -> EventTable:
    """Turn the events into columns once, so that filtering and drawing are array operations."""
    events = timeline.events
    lo, hi = _days(events)
    type_index = {name: i for i, name in enumerate(dict.fromkeys(e.type for e in events))}
    return EventTable(
        ids=_objects(e.id for e in events),
        titles=_objects(e.title for e in events),
        types=_objects(e.type for e in events),
        lo_day=lo,
        hi_day=hi,
        precision=_objects(_bounds(e).precision for e in events),
        modality=_objects(e.modality for e in events),
        actors=[tuple(e.actors) for e in events],
        people=[tuple(e.people) for e in events],
        places=[(e.location,) if e.location else () for e in events],
        documents=[tuple(dict.fromkeys(s.document for s in e.sources)) for e in events],
        search=_objects(_search_text(e) for e in events),
        rank=_rank(events, lo, hi),
        type_code=np.array([type_index[e.type] for e in events], dtype=np.int64),
        type_list=tuple(type_index),
        style=np.array([_style(e) for e in events], dtype=np.int8),
        **_first_codes("actor", [e.actors[0] if e.actors else None for e in events]),
        **_first_codes("doc", [e.sources[0].document if e.sources else None for e in events]),
    )


def _first_codes(name: str, values: list[str | None]) -> dict:
    """Integer codes of one value per event (-1 for none), for fast lanes and lookups."""
    index: dict[str, int] = {}
    codes = np.array([-1 if v is None else index.setdefault(v, len(index)) for v in values], dtype=np.int64)
    return {f"{name}_code": codes, f"{name}_list": tuple(index)}


def _style(event: Event) -> int:
    """How sure the drawing should look: 0 stated, 1 inferred, 2 hypothetical/future/negated."""
    return 2 if event.modality != "asserted" else 1 if event.date_inferred else 0


def _any_of(column: list[tuple[str, ...]], wanted: frozenset[str]) -> np.ndarray:
    return np.fromiter((not wanted.isdisjoint(v) for v in column), dtype=bool, count=len(column))


def _date_mask(table: EventTable, start: dt.date | None, end: dt.date | None) -> np.ndarray:
    """Keep events whose interval can overlap [start, end]; an open side overlaps everything."""
    keep = np.ones(len(table), dtype=bool)
    with np.errstate(invalid="ignore"):
        if start is not None:
            keep &= ~(table.hi_day < day_number(start))
        if end is not None:
            keep &= ~(table.lo_day > day_number(end))
    return keep


def apply(table: EventTable, flt: Filters) -> np.ndarray:
    """Boolean mask of the events that pass every filter."""
    keep = _date_mask(table, flt.start, flt.end)
    if flt.types:
        keep &= np.isin(table.types, list(flt.types))
    if flt.modalities:
        keep &= np.isin(table.modality, list(flt.modalities))
    for wanted, column in ((flt.actors, table.actors), (flt.people, table.people), (flt.documents, table.documents),
                           (flt.places, table.places)):
        if wanted:
            keep &= _any_of(column, wanted)
    words = flt.text.lower().split()
    for word in words:
        keep &= np.fromiter((word in text for text in table.search), dtype=bool, count=len(table))
    return keep


def facets(table: EventTable, mask: np.ndarray) -> Facets:
    """Counts per type, actor, person, place, document and modality among the shown events."""
    idx = np.flatnonzero(mask)
    counts = {
        "type": Counter(table.types[idx].tolist()),
        "modality": Counter(table.modality[idx].tolist()),
    }
    for name, column in (("actor", table.actors), ("person", table.people), ("place", table.places),
                         ("document", table.documents)):
        counts[name] = Counter(v for i in idx for v in column[i])
    return Facets(shown=len(idx), total=len(table), counts=counts)


def totals(table: EventTable) -> dict[str, Counter]:
    """Counts over all events (computed once per table: the app asks on every rerun)."""
    if "totals" not in table.memo:
        table.memo["totals"] = facets(table, np.ones(len(table), dtype=bool)).counts
    return table.memo["totals"]


def options(table: EventTable) -> dict[str, list[str]]:
    """Every value each facet can take, for the sidebar's choices (types in taxonomy order)."""
    all_counts = totals(table)
    order = {name: i for i, name in enumerate(event_types())}
    result = {name: sorted(c, key=lambda v: (-c[v], v)) for name, c in all_counts.items()}
    result["type"] = sorted(all_counts["type"], key=lambda t: order.get(t, len(order)))
    return result


def lane_codes(table: EventTable, by: str) -> tuple[np.ndarray, list[str]]:
    """Lane of each event as an integer code plus the lane names: type, first actor or document."""
    if by not in LANE_KINDS:
        raise ValueError(f"lanes can be by {', '.join(LANE_KINDS)}, not {by!r}")
    if by == "type":
        return table.type_code, list(table.type_list)
    if by == "none":
        return np.zeros(len(table), dtype=np.int64), ["all events"]
    codes, names = (table.actor_code, table.actor_list) if by == "actor" else (table.doc_code, table.doc_list)
    return np.where(codes < 0, len(names), codes), [*names, NO_VALUE]
