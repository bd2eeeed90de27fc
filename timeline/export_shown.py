"""What the app's Export tab writes: the events on screen, not the whole file, and a file that says so.

An analyst who narrows 600 events to the 40 of one province and one month exports those 40; the
exported timeline's title names the count and the filters ("Briefing: 40 of 600 events (type
Attack; from 2023-01-01)"), which JSON, TimelineJS and the HTML page carry, and the file name carries the
count for the formats without a title (CSV, ACLED, PLOVER). No Streamlit here.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from .filters import Filters
from .models import MODALITIES, Timeline


def describe(flt: Filters, names: Mapping[str, Mapping[str, str]] | None = None) -> str:
    """The filters in words ('type Attack, Arrest; from 2023-01-01; search "police"'): an export of
    a filtered view says which view it holds. Empty when nothing is filtered."""
    names = names or {}
    parts = []
    for key, label, values in (("type", "type", flt.types), ("actor", "actor", flt.actors),
                               ("person", "person", flt.people), ("place", "place", flt.places),
                               ("document", "article", flt.documents)):
        if values:
            parts.append(f"{label} " + ", ".join(sorted(names.get(key, {}).get(v, v) for v in values)))
    if flt.modalities and set(flt.modalities) != set(MODALITIES):
        parts.append("modality " + ", ".join(m for m in MODALITIES if m in flt.modalities))
    parts += [f"{word} {day.isoformat()}" for word, day in (("from", flt.start), ("to", flt.end)) if day]
    if flt.text.strip():
        parts.append(f'search "{flt.text.strip()}"')
    return "; ".join(parts)


def shown_timeline(timeline: Timeline, mask: np.ndarray, words: str) -> Timeline:
    """The shown events (file order), the documents they cite, and a title saying what was chosen.

    Relations to events left out are dropped, so the exported file still loads on its own."""
    if bool(mask.all()):
        return timeline
    events = [e for e, keep in zip(timeline.events, mask.tolist()) if keep]
    kept = {e.id for e in events}
    events = [e if all(r.target in kept for r in e.relations)
              else e.model_copy(update={"relations": [r for r in e.relations if r.target in kept]})
              for e in events]
    cited = {s.document for e in events for s in e.sources}
    title = f"{timeline.title or 'Timeline'}: {len(events):,} of {len(timeline.events):,} events"
    return timeline.model_copy(update={
        "title": title + (f" ({words})" if words else ""), "events": events,
        "documents": [d for d in timeline.documents if d.id in cited]})


def file_name(stem: str, shown: int, total: int, ext: str) -> str:
    """'events.csv' for the whole file, 'events-40-of-600.csv' for a filtered view."""
    return f"{stem}.{ext}" if shown == total else f"{stem}-{shown}-of-{total}.{ext}"


def caption(shown: int, total: int, words: str) -> str:
    """What the buttons below will write, in the words of the counts line above the chart."""
    if shown == total:
        return f"Exports all {total:,} events of the file."
    return (f"Exports the **{shown:,}** events shown of {total:,} ({words or 'filtered'}): the file name and, "
            "in JSON, TimelineJS and HTML, the title say so. Relations to events not shown are left out.")
