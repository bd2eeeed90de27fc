"""After extraction: undated events narrowed by the solver, contradictory relations dropped.

Each group of events linked by relations is solved on its own (``timeline.solver.solve``); an
inferred date becomes the solver's window inside what the event already knew, and relations the
solver finds contradictory (a misread cue) are left out so that the output always validates.
"""

from __future__ import annotations

from collections.abc import Callable

from .. import dates
from ..merge import fingerprint
from ..models import Event, Relation, Timeline, shared_names
from ..solver import solve


def fingerprinter():
    """The merge module's fingerprint, so that ``--into`` can tell hand edits from extraction."""
    return fingerprint


def narrowed(timeline: Timeline) -> Timeline:
    """Inferred dates narrowed by the solver, one group of related events at a time."""
    by_id = {d.id: d for d in timeline.documents}
    new_dates: dict[str, str] = {}
    kept_relations: dict[str, list] = {}
    for component in _related_components(timeline.events):
        new_dates.update(_solve_group(solve, by_id, component, kept_relations))
    fingerprint = fingerprinter()
    events = []
    for event in timeline.events:
        update = {}
        if new_dates.get(event.id, event.date) != event.date:  # most solved windows are the date already held:
            update["date"] = new_dates[event.id]                # no copy of the event for them
        if event.id in kept_relations and kept_relations[event.id] != event.relations:
            update["relations"] = kept_relations[event.id]  # contradictory ones left out
        if update:
            event = event.model_copy(update=update)
            event.fingerprint = fingerprint(event)
            shared_names(event)
        events.append(event)
    return timeline.model_copy(update={"events": events})


def _related_components(events: list[Event]) -> list[list[Event]]:
    """Groups of events linked by relations: each is solved on its own (contradictions, narrowing)."""
    index = {e.id: e for e in events}
    order = {e.id: i for i, e in enumerate(events)}
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
        out.append(sorted(members, key=lambda e: order[e.id]))  # input order, not the set's hash order
    return out


def _solve_group(solve, documents_by_id: dict, events: list[Event], kept: dict) -> dict[str, str]:
    """New dates for the inferred events of one group; relations in a contradiction are dropped
    (``kept`` receives the relations that stay)."""
    ids = {e.id for e in events}
    events = [_keeping(e, lambda r: r.target in ids) for e in events]
    names = {s.document for e in events for s in e.sources}
    documents = [documents_by_id[n] for n in sorted(names) if n in documents_by_id]
    solution = solve(Timeline.model_construct(documents=documents, events=events, rejected=[], title=None))
    if solution.conflicts:
        bad = {tuple(r) for c in solution.conflicts for r in c.relations}
        events = [_keeping(e, lambda r, e=e: (e.id, r.relation, r.target) not in bad) for e in events]
        solution = solve(Timeline.model_construct(documents=documents, events=events, rejected=[], title=None))
    kept.update({e.id: e.relations for e in events})
    troubled = {i for c in solution.conflicts for i in c.event_ids}
    out = {}
    for event in events:
        bounds = solution.bounds.get(event.id)
        if event.date_inferred and event.id not in troubled and bounds is not None:
            narrowed = dates.intersection(event.bounds, bounds)
            if narrowed is not None and (narrowed.earliest is not None or narrowed.latest is not None):
                out[event.id] = dates.format_interval(narrowed.earliest, narrowed.latest)
    return out


def _keeping(event: Event, keep: Callable[[Relation], bool]) -> Event:
    """The event with only the relations ``keep`` accepts: a copy only when it drops one (a long
    document's one large group copied whole held 40 MB more at 50 MB while it was solved)."""
    relations = [r for r in event.relations if keep(r)]
    return event if len(relations) == len(event.relations) else event.model_copy(update={"relations": relations})
