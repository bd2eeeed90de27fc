"""Write a timeline as CSV, JSON, PLOVER JSON lines, ACLED-style CSV, TimelineJS JSON or HTML.

Every format keeps the EDTF date as written next to what the format can hold (earliest/latest
dates, ACLED's ``time_precision``), so no export claims more precision than the evidence has.
PLOVER and ACLED record things that happened: hypothetical, future and negated events are left
out of them, and ACLED also leaves out types it has no category for (see ``taxonomy.yaml``).
User text is escaped wherever a format renders HTML (TimelineJS, HTML), and CSV cells that a
spreadsheet would run as a formula are quoted.
"""

from __future__ import annotations

import csv
import datetime as dt
import html
import io
import json
from collections.abc import Callable

from .filters import describe_date
from .models import Event, Timeline
from .taxonomy import event_types

FORMATS: dict[str, str] = {  # format -> file extension
    "csv": "csv", "json": "json", "plover": "jsonl", "acled": "csv", "timelinejs": "json", "html": "html",
}
MIME = {"csv": "text/csv", "json": "application/json", "jsonl": "application/x-ndjson", "html": "text/html"}
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
CSV_COLUMNS = (
    "id", "title", "type", "date", "earliest", "latest", "precision", "date_inferred", "date_words",
    "actors", "people", "location", "modality", "confidence", "tags", "curated", "documents", "quotes", "notes",
)
ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "event_type", "sub_event_type",
    "actor1", "actor2", "assoc_actor_1", "location", "source", "notes", "timeline_date",
)


def _bounds(event: Event):
    return event.bounds if event.date else None


def _iso(value: dt.date | None) -> str:
    return value.isoformat() if value else ""


def _cell(value: object) -> str:
    """A CSV cell that spreadsheets show as text, never run as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def _csv(rows: list[dict], columns: tuple[str, ...]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: _cell(row.get(k)) for k in columns})
    return out.getvalue()


def _event_row(event: Event) -> dict:
    b = _bounds(event)
    return {
        "id": event.id, "title": event.title, "type": event.type, "date": event.date or "",
        "earliest": _iso(b.earliest) if b else "", "latest": _iso(b.latest) if b else "",
        "precision": b.precision if b else "", "date_inferred": str(event.date_inferred).lower(),
        "date_words": describe_date(event), "actors": "; ".join(event.actors), "people": "; ".join(event.people),
        "location": event.location or "", "modality": event.modality,
        "confidence": "" if event.confidence is None else event.confidence, "tags": "; ".join(event.tags),
        "curated": str(event.curated).lower(), "documents": "; ".join(dict.fromkeys(s.document for s in event.sources)),
        "quotes": " | ".join(s.quote for s in event.sources), "notes": event.notes or "",
    }


def to_csv(timeline: Timeline) -> str:
    """One row per event: the EDTF date plus its earliest/latest bounds and precision."""
    return _csv([_event_row(e) for e in timeline.events], CSV_COLUMNS)


def to_json(timeline: Timeline) -> str:
    """The whole timeline (as events.yaml holds it) with each event's bounds added."""
    data = timeline.model_dump(mode="json", exclude_none=True)
    for record, event in zip(data["events"], timeline.events):
        b = _bounds(event)
        record["bounds"] = {"earliest": _iso(b.earliest) or None if b else None,
                            "latest": _iso(b.latest) or None if b else None,
                            "precision": b.precision if b else "open"}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _happened(event: Event) -> bool:
    return event.modality == "asserted"


def _plover_record(event: Event, timeline: Timeline) -> dict:
    kind = event_types()[event.type]
    b = _bounds(event)
    doc = timeline.document(event.sources[0].document) if event.sources else None
    return {
        "id": event.id, "event_type": kind.plover_event, "mode": list(kind.plover_modes), "context": list(kind.plover_contexts),
        "event_date": _iso(b.earliest) if b and b.earliest == b.latest else None,
        "event_date_earliest": _iso(b.earliest) or None if b else None,
        "event_date_latest": _iso(b.latest) or None if b else None,
        "event_date_edtf": event.date, "story_date": _iso(doc.published) if doc else None,
        "actor1": event.actors[0] if event.actors else None,
        "actor2": event.actors[1] if len(event.actors) > 1 else None,
        "people": event.people, "location": event.location, "summary": event.title,
        "text": event.sources[0].quote if event.sources else None, "source": doc.id if doc else None,
    }


def to_plover(timeline: Timeline) -> str:
    """PLOVER-style JSON lines for events that happened and have a PLOVER category."""
    lines = [
        json.dumps(_plover_record(e, timeline), ensure_ascii=False)
        for e in timeline.events
        if _happened(e) and event_types()[e.type].plover_event
    ]
    return "\n".join(lines) + ("\n" if lines else "")


def _acled_date(event: Event) -> tuple[str, str, int] | None:
    """(event_date, year, time_precision): 1 a day, 2 within a week, 3 anything wider or open."""
    b = _bounds(event)
    if b is None or (b.earliest is None and b.latest is None):
        return None
    if b.earliest is None or b.latest is None:
        known = b.earliest or b.latest
        return known.isoformat(), str(known.year), 3
    middle = b.earliest + (b.latest - b.earliest) / 2
    width = (b.latest - b.earliest).days + 1
    precision = 1 if width == 1 else 2 if width <= 7 else 3
    return middle.isoformat(), str(middle.year), precision


def _acled_row(event: Event, timeline: Timeline) -> dict | None:
    kind = event_types()[event.type]
    when = _acled_date(event)
    if not _happened(event) or kind.acled_event_type is None or when is None:
        return None
    docs = [timeline.document(s.document) for s in event.sources]
    return {
        "event_id_cnty": event.id, "event_date": when[0], "year": when[1], "time_precision": when[2],
        "event_type": kind.acled_event_type, "sub_event_type": kind.acled_sub_event_type or "",
        "actor1": event.actors[0] if event.actors else "", "actor2": event.actors[1] if len(event.actors) > 1 else "",
        "assoc_actor_1": "; ".join(event.actors[2:]), "location": event.location or "",
        "source": "; ".join(dict.fromkeys((d.title or d.id) for d in docs if d)),
        "notes": f"{event.title} ({describe_date(event)})", "timeline_date": event.date or "",
    }


def to_acled(timeline: Timeline) -> str:
    """ACLED-style CSV: event_date + time_precision, for events ACLED has a category for."""
    rows = [row for e in timeline.events if (row := _acled_row(e, timeline)) is not None]
    return _csv(rows, ACLED_COLUMNS)


def _tl_date(value: dt.date) -> dict:
    return {"year": value.year, "month": value.month, "day": value.day}


def _tl_event(event: Event) -> dict | None:
    b = _bounds(event)
    if b is None or (b.earliest is None and b.latest is None):
        return None  # TimelineJS needs a start date
    start = b.earliest or b.latest
    record = {
        "unique_id": event.id, "start_date": _tl_date(start), "display_date": html.escape(describe_date(event)),
        "group": html.escape(event_types()[event.type].label),
        "text": {"headline": html.escape(event.title), "text": _tl_text(event)},
    }
    if b.earliest and b.latest and b.latest != b.earliest:
        record["end_date"] = _tl_date(b.latest)
    return record


def _tl_text(event: Event) -> str:
    quotes = "".join(f"<blockquote>{html.escape(s.quote)}</blockquote>" for s in event.sources)
    who = f"<p>{html.escape(', '.join(event.actors + event.people))}</p>" if event.actors or event.people else ""
    return who + quotes + (f"<p>{html.escape(event.modality)}</p>" if event.modality != "asserted" else "")


def to_timelinejs(timeline: Timeline) -> str:
    """TimelineJS JSON (its renderer shows HTML, so all user text is escaped)."""
    events = [r for e in timeline.events if (r := _tl_event(e)) is not None]
    data = {"title": {"text": {"headline": html.escape(timeline.title or "Timeline"), "text": ""}}, "events": events}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def to_html(timeline: Timeline) -> str:
    """A standalone page: the interactive figure with plotly.js inlined (works offline) and a table."""
    from .figure import FigureOptions, build_figure

    title = timeline.title or "Timeline"
    figure = build_figure(timeline, options=FigureOptions(title=title))
    chart = figure.to_html(full_html=False, include_plotlyjs=True, config={"displaylogo": False})
    rows = "".join(
        f"<tr><td>{html.escape(e.date or '')}</td><td>{html.escape(e.title)}</td>"
        f"<td>{html.escape(event_types()[e.type].label)}</td><td>{html.escape(', '.join(e.actors))}</td>"
        f"<td>{html.escape(e.modality)}</td><td>{html.escape(' | '.join(s.quote for s in e.sources))}</td></tr>"
        for e in timeline.events
    )
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        f"<title>{html.escape(title)}</title><style>{_CSS}</style></head><body>"
        f"<h1>{html.escape(title)}</h1>{chart}<table><thead><tr><th>Date (EDTF)</th><th>Event</th><th>Type</th>"
        f"<th>Actors</th><th>Modality</th><th>Evidence</th></tr></thead><tbody>{rows}</tbody></table></body></html>\n"
    )


_CSS = (
    "body{font-family:system-ui,sans-serif;margin:1.5rem;color:#222}"
    "table{border-collapse:collapse;width:100%;font-size:0.9rem}"
    "td,th{border-bottom:1px solid #ddd;padding:4px 8px;text-align:left;vertical-align:top}"
)

WRITERS: dict[str, Callable[[Timeline], str]] = {
    "csv": to_csv, "json": to_json, "plover": to_plover, "acled": to_acled, "timelinejs": to_timelinejs,
    "html": to_html,
}


def export(timeline: Timeline, fmt: str) -> str:
    """The timeline in format ``fmt`` (one of FORMATS); a clear error for an unknown format."""
    if fmt not in WRITERS:
        raise ValueError(f"unknown export format {fmt!r}; choose one of: {', '.join(WRITERS)}")
    return WRITERS[fmt](timeline)
