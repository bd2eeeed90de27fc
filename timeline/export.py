"""Write a timeline as CSV, JSON, PLOVER JSON lines, ACLED CSV, TimelineJS or vis-timeline JSON, or HTML.

Every format keeps the EDTF date as written next to what the format can hold, so no export claims
more precision than the evidence has, and every writer returns an honest account (``Written``):
how many records it wrote and which events it left out, and why. The field's formats have their
own modules, each following its specification: ``export_plover`` (the PLOVER manual's JSON
table), ``export_acled`` (ACLED's codebook), ``export_viewers`` (TimelineJS 3, vis-timeline).
User text is escaped wherever a format renders HTML, and CSV cells that a spreadsheet would run
as a formula are quoted.
"""

from __future__ import annotations

import html
import json
from collections.abc import Callable

from .export_acled import to_acled
from .export_common import Written, csv_text, iso
from .export_plover import to_plover
from .export_viewers import to_timelinejs, to_vis
from .filters import describe_date
from .models import Event, Timeline
from .taxonomy import event_types

FORMATS: dict[str, str] = {  # format -> file extension
    "csv": "csv", "json": "json", "plover": "jsonl", "acled": "csv", "timelinejs": "json", "vis": "json",
    "html": "html",
}
MIME = {"csv": "text/csv", "json": "application/json", "jsonl": "application/x-ndjson", "html": "text/html"}
CSV_COLUMNS = (
    "id", "title", "type", "date", "earliest", "latest", "precision", "date_inferred", "date_words",
    "actors", "targets", "people", "location", "modality", "confidence", "tags", "curated", "documents", "quotes",
    "notes",
)


def _bounds(event: Event):
    return event.bounds if event.date else None


def _event_row(event: Event) -> dict:
    b = _bounds(event)
    return {
        "id": event.id, "title": event.title, "type": event.type, "date": event.date or "",
        "earliest": iso(b.earliest) if b else "", "latest": iso(b.latest) if b else "",
        "precision": b.precision if b else "", "date_inferred": str(event.date_inferred).lower(),
        "date_words": describe_date(event), "actors": "; ".join(event.actors), "targets": "; ".join(event.targets),
        "people": "; ".join(event.people),
        "location": event.location or "", "modality": event.modality,
        "confidence": "" if event.confidence is None else event.confidence, "tags": "; ".join(event.tags),
        "curated": str(event.curated).lower(), "documents": "; ".join(dict.fromkeys(s.document for s in event.sources)),
        "quotes": " | ".join(s.quote for s in event.sources), "notes": event.notes or "",
    }


def to_csv(timeline: Timeline) -> Written:
    """One row per event: the EDTF date plus its earliest/latest bounds and precision."""
    rows = [_event_row(e) for e in timeline.events]
    return Written(csv_text(rows, CSV_COLUMNS), len(rows), "rows", len(timeline.events))


def to_json(timeline: Timeline) -> Written:
    """The whole timeline (as events.yaml holds it) with each event's bounds added."""
    data = timeline.model_dump(mode="json", exclude_none=True)
    for record, event in zip(data["events"], timeline.events):
        b = _bounds(event)
        record["bounds"] = {"earliest": iso(b.earliest) or None if b else None,
                            "latest": iso(b.latest) or None if b else None,
                            "precision": b.precision if b else "open"}
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    return Written(text, len(timeline.events), "events", len(timeline.events))


def to_html(timeline: Timeline) -> Written:
    """A standalone page: the interactive figure with plotly.js inlined (works offline) and a table.

    The page's heading carries the title; the chart has none of its own, so it is not said twice."""
    from .figure import build_figure

    title = timeline.title or "Timeline"
    chart = build_figure(timeline).to_html(full_html=False, include_plotlyjs=True, config={"displaylogo": False})
    rows = "".join(
        f"<tr><td>{html.escape(e.date or '')}</td><td>{html.escape(e.title)}</td>"
        f"<td>{html.escape(event_types()[e.type].label)}</td><td>{html.escape(', '.join(e.actors))}</td>"
        f"<td>{html.escape(e.modality)}</td><td>{html.escape(' | '.join(s.quote for s in e.sources))}</td></tr>"
        for e in timeline.events
    )
    page = (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        f"<title>{html.escape(title)}</title><style>{_CSS}</style></head><body>"
        f"<h1>{html.escape(title)}</h1>{chart}<table><thead><tr><th>Date (EDTF)</th><th>Event</th><th>Type</th>"
        f"<th>Actors</th><th>Modality</th><th>Evidence</th></tr></thead><tbody>{rows}</tbody></table></body></html>\n"
    )
    return Written(page, len(timeline.events), "events", len(timeline.events))


_CSS = (
    "body{font-family:system-ui,sans-serif;margin:1.5rem;color:#222}"
    "table{border-collapse:collapse;width:100%;font-size:0.9rem}"
    "td,th{border-bottom:1px solid #ddd;padding:4px 8px;text-align:left;vertical-align:top}"
)

WRITERS: dict[str, Callable[[Timeline], Written]] = {
    "csv": to_csv, "json": to_json, "plover": to_plover, "acled": to_acled, "timelinejs": to_timelinejs,
    "vis": to_vis, "html": to_html,
}


def write(timeline: Timeline, fmt: str) -> Written:
    """The timeline in format ``fmt`` (one of FORMATS) with its account; a clear error for an unknown format."""
    if fmt not in WRITERS:
        raise ValueError(f"unknown export format {fmt!r}; choose one of: {', '.join(WRITERS)}")
    return WRITERS[fmt](timeline)


def export(timeline: Timeline, fmt: str) -> str:
    """The text of the timeline in format ``fmt`` (what the app's download buttons serve)."""
    return write(timeline, fmt).text
