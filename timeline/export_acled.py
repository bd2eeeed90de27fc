"""ACLED CSV: the codebook's 31 columns in the codebook's order, and only what ACLED can record.

Source: the ACLED Codebook (ACLED Knowledge Base, "ACLED Codebook", the edition whose Inter
columns hold text such as "State forces"; column set since ACLED's 20 March 2023 column changes).
Its Table 1 lists the columns below; "Time precision codes" defines ``time_precision``: 1 the
actual day; 2 a week or similar period (a weekend), recorded on its middle day; 3 a month or a
span of two or three weeks, recorded on its middle day; "ACLED does not include events with less
temporal information". So a window of one day is 1, up to a week 2 (middle day), up to a month 3
(middle day), and anything wider or open (a season, a year, "on or before 31 Jan 2024") is left
out and counted, never written with more precision than the store holds.

ACLED records events that happened and that fall in its six event types: hypothetical, future and
negated events, and types with no ACLED coding (``taxonomy.yaml``), are left out and counted too.
Actors: Actor 1 is the first initiator; Actor 2 the first target (the codebook: the target of
Violence against civilians is always Actor 2), else the second initiator (the order of actors has
no meaning otherwise); other initiators that act with targets are Associated Actor 1, other
targets Associated Actor 2, and initiators whose side is unknown are named in ``notes``. Inter
codes are written only when known: a state acting in its own country is "State forces", abroad
"External/Other forces", a target named by civilian words "Civilians". Geography comes from the
offline gazetteer; ``region`` (ACLED's own grouping of countries) and ``source_scale`` stay blank.
"""

from __future__ import annotations

import datetime as dt
import re
import time
from dataclasses import dataclass
from functools import cache

from . import gazetteer
from .dates import Bounds
from .export_common import (
    Written, csv_text, group_left_out, happened, international_code, lexicons, window_words, windows,
)
from .models import Event, Timeline
from .taxonomy import AcledCoding, event_types

COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
    "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
    "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
)
# Inter codes by number (the codebook's "Actor names, types, and Inter codes"); an Interaction
# names the lower-numbered type first, except the one Table 3 writes the other way round.
INTER = ("", "State forces", "Rebel group", "Political militia", "Identity militia", "Rioters", "Protesters",
         "Civilians", "External/Other forces")
INTERACTION_AS_WRITTEN = {(7, 8): "External/Other forces-Civilians"}
WEEK_DAYS = 7
MONTH_DAYS = 31
GEO_PRECISION = {"city": 1, "site": 2, "region": 3, "country": 3}  # town; area named by a place; larger region
INTERGOVERNMENTAL = ("UNO", "EUR", "IGO")  # PLOVER's codes that ACLED counts as External/Other forces
UNKNOWN_COUNTRY = "XXX"  # ISO 3166 leaves XAA-XZZ to users: the id of an event with no known country


def disorder_type(coding: AcledCoding) -> str:
    """The codebook's Table 2: the disorder type of an event type and sub-event type."""
    if coding.event_type == "Strategic developments":
        return "Strategic developments"
    if coding.sub_event_type == "Excessive force against protesters":
        return "Political violence; Demonstrations"
    if coding.sub_event_type in ("Peaceful protest", "Protest with intervention", "Violent demonstration"):
        return "Demonstrations"
    return "Political violence"


def acled_date(window: Bounds) -> tuple[dt.date, int] | None:
    """(event_date, time_precision) by the codebook's rule, or None when ACLED cannot record it."""
    if window.earliest is None or window.latest is None:
        return None
    width = (window.latest - window.earliest).days + 1
    if width > MONTH_DAYS:
        return None
    middle = window.earliest + dt.timedelta(days=(width - 1) // 2)
    return middle, 1 if width == 1 else 2 if width <= WEEK_DAYS else 3


@cache
def _civilian_words() -> frozenset[str]:
    return frozenset(lexicons()["civilians"]["words"])


def is_civilians(target: str) -> bool:
    """Does the target name civilians ('three villagers', 'Civilians (Armenia)')?"""
    return any(word in _civilian_words() for word in re.findall(r"[a-z]+", target.lower()))


@dataclass(frozen=True)
class _Sides:
    actor1: str
    assoc1: list[str]
    actor2: str
    assoc2: list[str]
    unplaced: list[str]


def _sides(event: Event) -> _Sides:
    first, rest = (event.actors[0], event.actors[1:]) if event.actors else ("", [])
    if event.targets:
        return _Sides(first, rest, event.targets[0], event.targets[1:], [])
    return _Sides(first, [], rest[0] if rest else "", [], rest[1:])


def _inter(name: str, home: gazetteer.Place | None, is_target: bool) -> int:
    """The Inter code when the project knows it (0 when it does not)."""
    if not name:
        return 0
    if is_target and is_civilians(name):
        return 7
    if international_code(name) in INTERGOVERNMENTAL:
        return 8
    state = gazetteer.country(name)
    if state is None or home is None:
        return 0
    return 1 if state.iso3 == home.iso3 else 8


def _interaction(inter1: int, inter2: int, has_actor2: bool) -> str:
    if not inter1 or (has_actor2 and not inter2):
        return ""
    if not has_actor2:
        return f"{INTER[inter1]} only"
    low, high = sorted((inter1, inter2))
    return INTERACTION_AS_WRITTEN.get((low, high), f"{INTER[low]}-{INTER[high]}")


def _coding(event: Event) -> AcledCoding | None:
    kind = event_types()[event.type]
    civilians = bool(event.targets) and all(is_civilians(t) for t in event.targets)
    return kind.acled_civilian_targets if civilians and kind.acled_civilian_targets else kind.acled


def _left_out_because(event: Event, window: Bounds) -> str | None:
    if not happened(event):
        return f"{event.modality} (ACLED records what happened)"
    if _coding(event) is None:
        return "of a type ACLED does not record"
    if acled_date(window) is None:
        return "dated less precisely than a month (ACLED's coarsest time precision)"
    return None


def _civilian_targeting(coding: AcledCoding, event: Event) -> str:
    """The codebook's civilian targeting: Violence against civilians, or civilians the main target
    of an explosion, a riot or excessive force."""
    civilians = bool(event.targets) and is_civilians(event.targets[0])
    aimed = coding.event_type in ("Explosions/Remote violence", "Riots") or "Excessive force" in coding.sub_event_type
    return "Civilians targeted" if coding.event_type == "Violence against civilians" or (civilians and aimed) else ""


def _geography(event: Event, place: gazetteer.Place | None, home: gazetteer.Place | None) -> dict:
    """Country, ISO numeric code, first-level region and coordinates, where the gazetteer knows them."""
    located = place is not None and place.lat is not None
    return {
        "iso": _iso_numeric(home.iso3) if home else "", "country": home.name if home else "",
        "admin1": (place.admin1 or "") if place else "", "location": place.name if place else event.location or "",
        "latitude": round(place.lat, 4) if located else "", "longitude": round(place.lon, 4) if located else "",
        "geo_precision": GEO_PRECISION.get(place.kind, "") if located else "",
    }


@cache
def _iso_numeric(iso3: str) -> int | str:
    """ISO 3166 numeric country code (231 for Ethiopia), as the codebook's ``iso`` holds it."""
    import pycountry

    found = pycountry.countries.get(alpha_3=iso3)
    return int(found.numeric) if found else ""


def _actors(event: Event, home: gazetteer.Place | None, coding: AcledCoding) -> dict:
    sides = _sides(event)
    inter1 = _inter(sides.actor1, home, False)
    inter2 = _inter(sides.actor2, home, bool(event.targets))
    return {
        "actor1": sides.actor1, "assoc_actor_1": "; ".join(sides.assoc1), "inter1": INTER[inter1],
        "actor2": sides.actor2, "assoc_actor_2": "; ".join(sides.assoc2), "inter2": INTER[inter2],
        "interaction": _interaction(inter1, inter2, bool(sides.actor2)),
        "civilian_targeting": _civilian_targeting(coding, event),
    }


def _notes(event: Event, window: Bounds) -> str:
    also = _sides(event).unplaced
    text = f"{window_words(event, window)}: {event.title}."
    return text + (f" Also involved: {', '.join(also)}." if also else "")


def acled_row(event: Event, window: Bounds, timeline: Timeline, event_id: str) -> dict:
    """One row: the codebook's columns for an event that passes every check."""
    coding = _coding(event)
    day, precision = acled_date(window)
    place = gazetteer.lookup(event.location)
    home = _home(place)
    docs = [timeline.document(s.document) for s in event.sources]
    return {
        "event_id_cnty": event_id, "event_date": day.isoformat(), "year": day.year, "time_precision": precision,
        "disorder_type": disorder_type(coding), "event_type": coding.event_type,
        "sub_event_type": coding.sub_event_type, **_actors(event, home, coding), "region": "",
        **_geography(event, place, home), "admin2": "", "admin3": "",
        "source": "; ".join(dict.fromkeys(d.title or d.id for d in docs if d)), "source_scale": "",
        "notes": _notes(event, window), "fatalities": 0,
        "tags": "; ".join([*event.tags, f"timeline id: {event.id}", f"timeline date: {event.date or 'none'}"]),
        "timestamp": int(time.time()),
    }


def _home(place: gazetteer.Place | None) -> gazetteer.Place | None:
    """The country a place lies in."""
    return gazetteer.country(place.iso3) if place and place.iso3 else None


def to_acled(timeline: Timeline) -> Written:
    """ACLED CSV rows for the events ACLED can record; the others counted and named.

    ``event_id_cnty`` is the country's ISO alpha-3 code and a number counted per country (XXX when
    the country is unknown); the project's own id is kept in ``tags``."""
    spans = windows(timeline)
    rows: list[dict] = []
    skipped: list[tuple[str, str]] = []
    numbers: dict[str, int] = {}
    for event in timeline.events:
        reason = _left_out_because(event, spans[event.id])
        if reason:
            skipped.append((reason, event.id))
            continue
        home = _home(gazetteer.lookup(event.location))
        prefix = home.iso3 if home else UNKNOWN_COUNTRY
        numbers[prefix] = numbers.get(prefix, 0) + 1
        rows.append(acled_row(event, spans[event.id], timeline, f"{prefix}{numbers[prefix]}"))
    return Written(csv_text(rows, COLUMNS), len(rows), "ACLED rows", len(timeline.events), group_left_out(skipped))
