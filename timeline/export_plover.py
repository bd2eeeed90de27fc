"""PLOVER JSON lines, each field as the manual's "PLOVER JSON" table names and types it.

Source: the PLOVER manual (``PLOVER_MANUAL.tex``, draft version 2.0, the codebook POLECAT codes
with; a copy is in ``../shared/data/plover-gsr``), chapter "Data Fields": ``id`` and ``date``
(YYYY-MM-DD) required, ``enddate``; ``actor`` (required) and ``recipient`` as lists of entity
objects (``entity_text``, ``code`` = 3-character country code, ``sector``); ``event`` (required),
``mode`` and ``context`` as lists; ``event_loc`` (location object); ``event_text`` (list);
``text``; ``cite_info`` (citation object); ``coder``; ``coded_date``; ``comment``. The manual
lets a provider add named fields: ``date_window`` (the solver's earliest/latest days, the EDTF
date and whether it was inferred) and ``people``.

Dates: PLOVER has no field for an uncertain date. A date known to the day is ``date``; a closed
window is ``date`` = its first day and ``enddate`` = its last (the event lies within them); a
window open at the start ("on or before 31 Jan 2024") writes its latest day as ``date``, as event
data dates undated reports by their story, and says so in ``comment``. An event with no latest
day (open at the end, or no date and no publication date) cannot be given the required ``date``
and is left out, as are events with no PLOVER category and negated ones (which the manual lets a
dataset drop); each is counted and named. Future and hypothetical events stay, with the
manual's auxiliary context (``future``, ``hypothetical``).
"""

from __future__ import annotations

import datetime as dt
import json
from functools import cache

from . import __version__, gazetteer
from .dates import Bounds
from .export_common import Written, group_left_out, international_code, iso, lexicons, organ_of, window_words, windows
from .models import Event, Timeline
from .taxonomy import event_types, plover_coding

CODEBOOK = "PLOVER manual, draft version 2.0"
CODER = f"timeline {__version__}"
AUXILIARY = {"future": "future", "hypothetical": "hypothetical"}  # modality -> the manual's auxiliary context
RESOLUTION = {"country": 1, "region": 2, "city": 4}  # the location object's resolution codes


def to_plover(timeline: Timeline) -> Written:
    """One PLOVER record per event that has a category and a latest day; the rest counted."""
    spans = windows(timeline)
    lines: list[str] = []
    skipped: list[tuple[str, str]] = []
    for event in timeline.events:
        reason = _left_out_because(event, spans[event.id])
        if reason:
            skipped.append((reason, event.id))
        else:
            lines.append(json.dumps(plover_record(event, spans[event.id], timeline), ensure_ascii=False))
    text = "\n".join(lines) + ("\n" if lines else "")
    return Written(text, len(lines), "PLOVER records", len(timeline.events), group_left_out(skipped))


def _left_out_because(event: Event, window: Bounds) -> str | None:
    if event_types()[event.type].plover_event is None:
        return "with no PLOVER category"
    if event.modality == "negated":
        return "negated (the manual lets a dataset leave them out)"
    if window.latest is None:
        return "with no latest day, so no `date` (required) can be written"
    return None


def plover_record(event: Event, window: Bounds, timeline: Timeline) -> dict:
    """The record of one event, in the manual's field order."""
    kind = event_types()[event.type]
    record: dict = {"id": event.id, **_dates(window)}
    record["actor"] = [entity(name) for name in event.actors] or [{"sector": "UNK"}]
    record["recipient"] = [entity(name) for name in event.targets]
    category, modes = plover_coding(event.type, event.modality)
    record["event"] = [category]
    place = _location(event.location)
    if place:
        record["event_loc"] = place
    quotes = [s.quote for s in event.sources]
    record["event_text"] = quotes
    record["mode"] = list(modes)
    record["context"] = list(kind.plover_contexts) + ([AUXILIARY[event.modality]] if event.modality in AUXILIARY else [])
    if quotes:
        record["text"] = quotes[0]
    record["cite_info"] = _citation(event, timeline)
    record["coder"] = CODER + (" (checked by hand)" if event.curated else "")
    record["coded_date"] = dt.date.today().isoformat()
    record["comment"] = _comment(event, window)
    record["date_window"] = {"earliest": iso(window.earliest) or None, "latest": iso(window.latest),
                             "edtf": event.date, "inferred": event.date_inferred or event.date is None}
    if event.people:
        record["people"] = list(event.people)
    return record


def _dates(window: Bounds) -> dict:
    if window.earliest is None or window.earliest == window.latest:
        return {"date": window.latest.isoformat()}
    return {"date": window.earliest.isoformat(), "enddate": window.latest.isoformat()}


def _comment(event: Event, window: Bounds) -> str:
    words = window_words(event, window)
    if window.earliest is None:
        return f"Date: {words}; `date` is the latest day it can have happened, {window.latest.isoformat()}."
    if window.earliest != window.latest:
        return f"Date: {words}; it lies between `date` and `enddate`, its day unknown."
    return f"Date: {words}."


def entity(name: str) -> dict:
    """An entity object: the text and, where known, the code: a partially recognized entity's
    claiming state (sector PRE), a state's ISO alpha-3 code, an international organisation's
    code (UNO, EUR, IGO, NGO, IMG), or the state an organisation is an organ of."""
    record: dict = {"entity_text": name}
    claimed = _partially_recognized().get(gazetteer.fold(name))
    if claimed:
        return {**record, "code": claimed, "sector": "PRE"}
    state = gazetteer.country(name)
    code = state.iso3 if state else international_code(name)
    if code is None and organ_of(name):
        owner = gazetteer.country(organ_of(name))
        code = owner.iso3 if owner else None
    return {**record, "code": code} if code else record


@cache
def _partially_recognized() -> dict[str, str]:
    """Folded name or alias -> ISO alpha-3 of the state that claims it."""
    out = {}
    for item in lexicons()["partially_recognized"]["entities"]:
        claimant = gazetteer.country(item["country"])
        for name in [item["name"], *item["aliases"]]:
            out[gazetteer.fold(name)] = claimant.iso3
    return out


def _location(name: str | None) -> dict | None:
    """The manual's location object, filled from the offline gazetteer where it knows the place."""
    if not name:
        return None
    place = gazetteer.lookup(name)
    if place is None:
        return {"extracted_place": name}
    loc = {"extracted_place": name, "resolved_place": place.name, "lat": place.lat, "lon": place.lon,
           "province": place.admin1, "country": place.country, "country_code": place.iso3,
           "resolution": RESOLUTION.get(place.kind)}
    return {k: v for k, v in loc.items() if v is not None}


def _citation(event: Event, timeline: Timeline) -> dict:
    """The citation object of the first source: document id, title, URL, codebook and coder."""
    doc = timeline.document(event.sources[0].document) if event.sources else None
    cite: dict = {"codebook": CODEBOOK, "coder": CODER}
    if doc is not None:
        cite["citation"] = doc.id
        if doc.title:
            cite["title"] = doc.title
        if doc.origin and doc.origin.startswith(("http://", "https://")):
            cite["url"] = doc.origin
    return cite
