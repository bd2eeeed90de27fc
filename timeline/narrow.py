"""Live narrowing: after a person sets or changes a date, the inferred dates the solver can now tighten.

The solver (``timeline.solver``) is run on the whole file. An event's date may change only when
it is *recomputable*: it is inferred (``date_inferred: true``) or missing, and nobody has flagged
or edited the event (``curated: true``, or a fingerprint that no longer matches its content).
Dates a person or the text gave, and every curated event, stay exactly as written. A new date is
always the old interval intersected with the solver's window, so it is never wider than before;
an inferred date that no longer meets the window at all is reported as stale, never rewritten.

Nothing is written here: ``narrowings`` lists proposals (old and new, in EDTF and in words) and
``accept`` applies the ones a person accepted (the app's button, or ``timeline narrow --write``).
Events caught in a contradiction are left alone; the contradiction comes back as the solver names
it, which is what ``timeline validate`` prints.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from . import dates
from .merge import fingerprint, is_hand_edited
from .models import Event, Timeline
from .solver import Conflict, Solution, is_stated, solve


@dataclass(frozen=True)
class Narrowing:
    """One inferred date the solver can tighten: old and new EDTF, and the words for both."""

    event_id: str
    title: str
    old: str | None
    new: str

    def words(self, arrow: str = "->") -> str:
        """'Azerbaijan attacks: on or before 31 Jan 2024 -> 11 to 20 Sep 2023', for people."""
        return f"{self.title}: {dates.words(self.old)} {arrow} {dates.words(self.new)}"


@dataclass
class Report:
    """What a recomputation found: proposals, inferred dates that no longer fit, contradictions."""

    narrowings: list[Narrowing] = field(default_factory=list)
    stale: list[Narrowing] = field(default_factory=list)  # old date outside the window: edit by hand
    conflicts: list[Conflict] = field(default_factory=list)


def recomputable(event: Event) -> bool:
    """Inferred or missing, on an event nobody flagged or edited: the only dates narrowing may touch."""
    return not is_stated(event) and not is_hand_edited(event)


def narrowings(timeline: Timeline, solution: Solution | None = None) -> Report:
    """Every recomputable date the dates and relations now bound more tightly, in file order."""
    solution = solution if solution is not None else solve(timeline)
    report = Report(conflicts=[c for c in solution.conflicts if c.kind != "unknown-target"])
    troubled = {i for c in report.conflicts for i in c.event_ids}
    for event in timeline.events:
        window = solution.bounds.get(event.id)
        if window is None or event.id in troubled or not recomputable(event):
            continue
        own = event.bounds
        new = dates.intersection(own, window)
        if new is None:
            report.stale.append(Narrowing(event.id, event.title, event.date, dates.format_interval(window.earliest, window.latest)))
        elif (new.earliest, new.latest) != (own.earliest, own.latest):
            report.narrowings.append(Narrowing(event.id, event.title, event.date, dates.format_interval(new.earliest, new.latest)))
    return report


def accept(timeline: Timeline, proposals: list[Narrowing], only: set[str] | None = None) -> Timeline:
    """The timeline with the accepted proposals written as inferred dates (``only``: those ids).

    A proposal whose event changed meanwhile (another date, or now curated) is skipped, so an
    acceptance never overwrites what a person did after the proposal was made. A valid
    fingerprint is refreshed: the solver's writes do not make an event look hand-edited.
    """
    wanted = {p.event_id: p for p in proposals if only is None or p.event_id in only}
    events = []
    for event in timeline.events:
        proposal = wanted.get(event.id)
        if proposal is None or proposal.old != event.date or not recomputable(event):
            events.append(event)
            continue
        new = event.model_copy(update={"date": proposal.new, "date_inferred": True})
        if event.fingerprint is not None:
            new = new.model_copy(update={"fingerprint": fingerprint(new)})
        events.append(new)
    return timeline.model_copy(update={"events": events})
