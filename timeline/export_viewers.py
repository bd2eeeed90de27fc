"""TimelineJS 3 and vis-timeline JSON: the events placed so that uncertainty stays visible.

Both viewers need a start date for every item. An event whose window is known to the day is a
point; a closed window wider than a day is a span from its first to its last day. An event whose
window is open ("on or before 31 Jan 2024") has no date to stand on, and drawing it at its known
end would pile such events onto one spot as if they were sure. They go to a group of their own,
one step apart in the order the text gives (relations, then what is known of their dates), just
before the bound they must precede (or after the one they must follow); the date in words says
what is really known, and TimelineJS marks the stretch with an era, "order, not dates". Both
viewers render HTML, so every piece of user text is escaped.
"""

from __future__ import annotations

import datetime as dt
import html
import json
from dataclasses import dataclass

from .dates import Bounds
from .export_common import Written, window_words, windows
from .filters import build_table
from .models import Event, Timeline
from .taxonomy import event_types

STEP = dt.timedelta(days=7)  # distance between two events placed by order
ORDER_GROUP = "Date unknown (placed in text order)"
ERA_HEADLINE = "Order from the text, not dates"
ORDER_NOTE = "Placed in the order the text gives, not at a date: its day is unknown."


@dataclass(frozen=True)
class Placed:
    """Where a viewer draws one event: ``start`` (and ``end`` for a span) and whether ``start`` is
    only a position in the text's order."""

    event: Event
    window: Bounds
    start: dt.date
    end: dt.date | None
    by_order: bool


def place(timeline: Timeline) -> list[Placed]:
    """Every event with a drawing position, in timeline order."""
    spans = windows(timeline)
    table = build_table(timeline)
    rank = dict(zip(table.ids.tolist(), table.rank.tolist()))
    known = [d for w in spans.values() for d in (w.earliest, w.latest) if d is not None]
    fallback = max(known, default=dt.date.today())  # where events with no bound at all end up
    before = sorted((e for e in timeline.events if spans[e.id].earliest is None), key=lambda e: rank[e.id])
    after = sorted((e for e in timeline.events if spans[e.id].earliest is not None and spans[e.id].latest is None),
                   key=lambda e: rank[e.id])
    starts: dict[str, dt.date] = {}
    if before:
        anchor = min((spans[e.id].latest for e in before if spans[e.id].latest), default=fallback)
        starts.update({e.id: anchor - STEP * (len(before) - i) for i, e in enumerate(before)})
    if after:
        anchor = max(spans[e.id].earliest for e in after)
        starts.update({e.id: anchor + STEP * (i + 1) for i, e in enumerate(after)})
    return [_placed(e, spans[e.id], starts.get(e.id)) for e in timeline.events]


def _placed(event: Event, window: Bounds, by_order: dt.date | None) -> Placed:
    if by_order is not None:
        return Placed(event, window, by_order, None, True)
    end = window.latest if window.latest != window.earliest else None
    return Placed(event, window, window.earliest, end, False)


def _group(item: Placed) -> str:
    return ORDER_GROUP if item.by_order else event_types()[item.event.type].label


# --- TimelineJS 3 --------------------------------------------------------------------------------


def _placement_notes(placed: list[Placed]) -> tuple[str, ...]:
    ordered = sum(p.by_order for p in placed)
    return (f"{ordered} of {len(placed)} events have no closed date: placed in the text's order",) if ordered else ()


def _tl_date(value: dt.date) -> dict:
    return {"year": value.year, "month": value.month, "day": value.day}


def _tl_text(item: Placed) -> str:
    event = item.event
    who = ", ".join(event.actors + event.people)
    parts = [f"<p>{html.escape(who)}</p>"] if who else []
    parts += [f"<blockquote>{html.escape(s.quote)}</blockquote>" for s in event.sources]
    if event.modality != "asserted":
        parts.append(f"<p>{html.escape(event.modality)}</p>")
    if item.by_order:
        parts.append(f"<p><em>{html.escape(ORDER_NOTE)}</em></p>")
    return "".join(parts)


def _tl_slide(item: Placed) -> dict:
    slide = {
        "unique_id": item.event.id, "start_date": _tl_date(item.start),
        "display_date": html.escape(window_words(item.event, item.window)), "group": html.escape(_group(item)),
        "text": {"headline": html.escape(item.event.title), "text": _tl_text(item)},
    }
    if item.end is not None:
        slide["end_date"] = _tl_date(item.end)
    return slide


def _era(ordered: list[Placed]) -> list[dict]:
    if not ordered:
        return []
    first = min(p.start for p in ordered) - STEP / 2
    last = max(p.start for p in ordered) + STEP / 2
    return [{"start_date": _tl_date(first), "end_date": _tl_date(last), "text": {"headline": ERA_HEADLINE}}]


def to_timelinejs(timeline: Timeline) -> Written:
    """TimelineJS JSON: one slide per event, spans for closed windows, open ones placed by order."""
    placed = place(timeline)
    notes = _placement_notes(placed)
    intro = "".join(f"<p>{html.escape(note)}.</p>" for note in notes)
    data = {
        "title": {"text": {"headline": html.escape(timeline.title or "Timeline"), "text": intro}},
        "events": [_tl_slide(p) for p in placed], "eras": _era([p for p in placed if p.by_order]),
    }
    return Written(json.dumps(data, ensure_ascii=False, indent=2) + "\n", len(placed), "TimelineJS slides",
                   len(timeline.events), notes=notes)


# --- vis-timeline --------------------------------------------------------------------------------


def _vis_item(item: Placed, groups: dict[str, int]) -> dict:
    event = item.event
    tooltip = [window_words(event, item.window), event_types()[event.type].label, ", ".join(event.actors)]
    if item.by_order:
        tooltip.append(ORDER_NOTE)
    record = {"id": event.id, "content": html.escape(event.title), "start": item.start.isoformat(),
              "group": groups[_group(item)], "title": html.escape(" - ".join(t for t in tooltip if t))}
    if item.end is not None:  # a range ends at the end of its last day
        record["end"] = (item.end + dt.timedelta(days=1)).isoformat()
    if item.by_order:
        record["className"] = "date-unknown"
    return record


def to_vis(timeline: Timeline) -> Written:
    """vis-timeline DataSet items and groups; ``type`` is left to vis (a range when there is an end)."""
    placed = place(timeline)
    names = list(dict.fromkeys(_group(p) for p in placed))
    groups = {name: i + 1 for i, name in enumerate(names)}
    data = {
        "items": [_vis_item(p, groups) for p in placed],
        "groups": [{"id": groups[name], "content": html.escape(name)} for name in names],
    }
    return Written(json.dumps(data, ensure_ascii=False, indent=2) + "\n", len(placed), "vis-timeline items",
                   len(timeline.events), notes=_placement_notes(placed))
