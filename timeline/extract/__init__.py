"""Event extraction: a one-way pipeline of named, pure stages (see ``pipeline.yaml``).

    extract(documents, options) -> Timeline

Each document runs through the stages on its own (so a corpus streams and parallelises); then
events reported by several documents are merged, ids assigned, and undated events get the
tightest bounds the solver finds from relations and publication dates, marked as inferred.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .. import dates
from ..models import Document, Event, Timeline
from . import build
from .anchoring import bounds_of
from .pipeline import run

__all__ = ["Options", "extract", "extract_document"]


@dataclass(frozen=True)
class Options:
    """Everything a run depends on; picklable so a process pool can carry it."""

    published: dt.date | None = None  # used for documents whose publication date is unknown
    min_confidence: float = 0.5  # events below it are dropped (their mentions still link others)
    merge_documents: bool = True  # one event reported by several documents becomes one event
    solve: bool = True  # tighten undated events from relations and publication dates
    jobs: int = 1  # worker processes for the per-document stages (results do not depend on it)
    title: str | None = None


def extract_document(document: Document, options: Options | None = None) -> list[build.Draft]:
    """The kept events of one document, before ids and cross-document merging."""
    options = options or Options()
    return build.drafts_of(run(document, options), options.min_confidence)


def extract(
    documents: Iterable[Document],
    options: Options | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Timeline:
    """Events with evidence, dates, relations and fingerprints from a stream of documents."""
    options = options or Options()
    docs = [_dated(d, options) for d in documents]
    drafts: list[build.Draft] = []
    for number, found in enumerate(_per_document(docs, options), 1):
        drafts += found
        if progress:
            progress(number, len(docs))
    if options.merge_documents:
        drafts = build.merge_across(drafts)
    build.assign_ids(drafts)
    events = [build.to_event(d, _fingerprint()) for d in drafts]
    timeline = Timeline(title=options.title, documents=docs, events=events)
    return _solved(timeline) if options.solve else timeline


def _dated(document: Document, options: Options) -> Document:
    if document.published is None and options.published is not None:
        return document.model_copy(update={"published": options.published})
    return document


def _per_document(docs: list[Document], options: Options) -> Iterable[list[build.Draft]]:
    """Each document's events, in order; on ``options.jobs`` processes when asked (same result)."""
    if options.jobs <= 1 or len(docs) < 2:
        return (extract_document(d, options) for d in docs)
    from concurrent.futures import ProcessPoolExecutor
    from functools import partial

    pool = ProcessPoolExecutor(max_workers=options.jobs)
    results = pool.map(partial(extract_document, options=options), docs, chunksize=8)
    pool.shutdown(wait=False)
    return results


def _fingerprint():
    try:
        from ..merge import fingerprint
    except ImportError:
        return build.fallback_fingerprint
    return fingerprint


def _solved(timeline: Timeline) -> Timeline:
    """Inferred dates narrowed by the solver, one group of related events at a time."""
    try:
        from ..solver import solve
    except ImportError:
        return timeline
    by_id = {d.id: d for d in timeline.documents}
    narrowed: dict[str, str] = {}
    kept_relations: dict[str, list] = {}
    for component in _related_components(timeline.events):
        narrowed.update(_solve_group(solve, by_id, component, kept_relations))
    fingerprint = _fingerprint()
    events = []
    for event in timeline.events:
        update = {}
        if event.id in narrowed:
            update["date"] = narrowed[event.id]
        if event.id in kept_relations and kept_relations[event.id] != event.relations:
            update["relations"] = kept_relations[event.id]  # contradictory ones left out
        if update:
            event = event.model_copy(update=update)
            event = event.model_copy(update={"fingerprint": fingerprint(event)})
        events.append(event)
    return timeline.model_copy(update={"events": events})


def _related_components(events: list[Event]) -> list[list[Event]]:
    """Groups of events linked by relations: each is solved on its own (contradictions, narrowing)."""
    index = {e.id: e for e in events}
    neighbours: dict[str, set[str]] = {e.id: set() for e in events}
    for event in events:
        for relation in event.relations:
            if relation.target in index:
                neighbours[event.id].add(relation.target)
                neighbours[relation.target].add(event.id)
    seen: set[str] = set()
    out = []
    for event in events:
        if event.id in seen or not neighbours[event.id]:
            continue
        stack, members = [event.id], []
        seen.add(event.id)
        while stack:
            current = stack.pop()
            members.append(index[current])
            for other in neighbours[current] - seen:
                seen.add(other)
                stack.append(other)
        out.append(members)
    return out


def _solve_group(solve, documents_by_id: dict, events: list[Event], kept: dict) -> dict[str, str]:
    """New dates for the inferred events of one group; relations in a contradiction are dropped
    (``kept`` receives the relations that stay)."""
    ids = {e.id for e in events}
    events = [e.model_copy(update={"relations": [r for r in e.relations if r.target in ids]}) for e in events]
    names = {s.document for e in events for s in e.sources}
    documents = [documents_by_id[n] for n in sorted(names) if n in documents_by_id]
    part = Timeline.model_construct(documents=documents, events=events, rejected=[], title=None)
    solution = solve(part)
    if solution.conflicts:
        bad = {tuple(r) for c in solution.conflicts for r in c.relations}
        for event in events:
            event.relations = [r for r in event.relations if (event.id, r.relation, r.target) not in bad]
        solution = solve(part)
    kept.update({e.id: e.relations for e in events})
    troubled = {i for c in solution.conflicts for i in c.event_ids}
    out = {}
    for event in events:
        bounds = solution.bounds.get(event.id)
        if event.date_inferred and event.id not in troubled and bounds is not None:
            narrowed = _intersect(bounds_of(event.date) if event.date else None, bounds)
            if narrowed is not None and (narrowed.earliest is not None or narrowed.latest is not None):
                out[event.id] = dates.format_interval(narrowed.earliest, narrowed.latest)
    return out


def _intersect(own: dates.Bounds | None, solved: dates.Bounds) -> dates.Bounds | None:
    """The solver's window inside what the event already knew; None if they do not meet."""
    if own is None:
        return solved
    lows = [d for d in (own.earliest, solved.earliest) if d is not None]
    highs = [d for d in (own.latest, solved.latest) if d is not None]
    low, high = (max(lows) if lows else None), (min(highs) if highs else None)
    if low is not None and high is not None and low > high:
        return None
    return dates.Bounds(low, high, "interval")
