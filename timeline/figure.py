"""Timeline -> plotly figure: every event spans its EDTF interval, uncertainty drawn honestly.

A day-precision event is a marker; a month/season/year/interval one is a bar across it; an open
side (``../2024-01-31``) is a bar that fades towards the open end; an inferred date is a thinner
bar with a hollow marker, a hypothetical/future/negated event dotted and faint. Lanes group events by type,
first actor or document. Up to ``label_limit`` events each get a row labelled with its title;
above it events share their lane's row and only lanes are labelled. Arrays are numpy, traces
are few (per type and style, never per event), and WebGL is used above ``webgl_above`` events.
No Streamlit here.
"""

from __future__ import annotations

import datetime as dt
import html
from collections import Counter
from dataclasses import dataclass

import numpy as np
import plotly.graph_objects as go
import plotly.io as pio

from .filters import DAY_MS, NO_VALUE, EventTable, build_table, day_number, lane_values
from .models import Timeline
from .taxonomy import event_types

FADE = (0.85, 0.55, 0.3, 0.12)  # opacity of the pieces of an open side, from the known end out
STYLES = ("stated", "inferred", "unreal")
DASH = {"stated": "solid", "inferred": "solid", "unreal": "dot"}
THICKNESS = {"stated": 1.0, "inferred": 0.55, "unreal": 0.55}  # inferred bars are thinner
ALPHA = {"stated": 1.0, "inferred": 0.75, "unreal": 0.45}
SYMBOL = {  # (shape, style) -> marker symbol of the event's clickable handle
    ("point", "stated"): "circle",
    ("point", "inferred"): "circle-open",
    ("point", "unreal"): "x-thin-open",
    ("bar", "stated"): "diamond",
    ("bar", "inferred"): "diamond-open",
    ("bar", "unreal"): "x-thin-open",
}
STYLE_LEGEND = {
    "stated": "date stated in the text",
    "inferred": "date inferred (thin bar, hollow marker)",
    "unreal": "hypothetical / future / negated",
}
COLOURS = {  # violence warm, diplomacy cool, words purple/grey; unknown types cycle FALLBACK
    "attack": "#d62728", "armed_clash": "#b2182b", "territorial_change": "#8c2d04",
    "mobilization": "#e6550d", "threat": "#fd8d3c", "withdrawal": "#a6761d",
    "ceasefire": "#1a9850", "agreement": "#2ca25f", "negotiation": "#41ab5d",
    "summit": "#2171b5", "meeting": "#4292c6", "visit": "#08519c",
    "military_exercise": "#6a3d9a", "statement": "#7f7f7f", "appeal": "#17becf",
    "accusation": "#c51b7d", "refusal": "#e7298a", "sanction": "#5e3c99",
    "aid": "#66a61e", "protest": "#ff7f00", "displacement": "#b15928", "policy_change": "#525252",
}
FALLBACK = ("#1f77b4", "#ff7f0e", "#2ca02c", "#9467bd", "#8c564b", "#e377c2", "#bcbd22")
MIN_OPEN_DAYS = 180  # an open side is drawn at least this long, so its fade is visible
MAX_ARROWS = 300


@dataclass(frozen=True)
class FigureOptions:
    """How to draw: lane grouping, relation arrows, publication markers and size thresholds."""

    lanes: str = "type"
    relations: bool = False
    publications: bool = True
    label_limit: int = 150
    webgl_above: int = 1000
    title: str | None = None


@dataclass(frozen=True)
class _Geometry:
    """Where each shown event is drawn (arrays aligned with ``idx``)."""

    idx: np.ndarray
    y: np.ndarray
    lo_ms: np.ndarray
    hi_ms: np.ndarray
    handle_ms: np.ndarray
    horizon: tuple[float, float]


def colour(type_name: str) -> str:
    """The colour of an event type (stable across runs and files)."""
    if type_name in COLOURS:
        return COLOURS[type_name]
    return FALLBACK[sum(map(ord, type_name)) % len(FALLBACK)]


def _rgba(hex_colour: str, alpha: float) -> str:
    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgba({r},{g},{b},{alpha:.2f})"


def _short(text: str, limit: int = 48) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"


def _lane_order(lanes: np.ndarray, by: str) -> list[str]:
    """Lanes in reading order: types as the taxonomy lists them, others by size; '(none)' last."""
    counts = Counter(lanes.tolist())
    if by == "type":
        order = {name: i for i, name in enumerate(event_types())}
        return sorted(counts, key=lambda v: (order.get(v, len(order)), v))
    return sorted(counts, key=lambda v: (v == NO_VALUE, -counts[v], v))


def _horizon(table: EventTable, idx: np.ndarray, extra_days: list[int]) -> tuple[float, float]:
    """Time range (ms) of the axis: all known ends plus room for open sides to fade out."""
    known = np.concatenate([table.lo_day[idx], table.hi_day[idx], np.asarray(extra_days, dtype=float)])
    known = known[~np.isnan(known)]
    if known.size == 0:
        known = np.array([float(day_number(dt.date.today()))])
    lo, hi = float(known.min()), float(known.max()) + 1
    pad = max((hi - lo) * 0.15, MIN_OPEN_DAYS)
    return (lo - pad) * DAY_MS, (hi + pad) * DAY_MS


def _geometry(table: EventTable, idx: np.ndarray, y: np.ndarray, extra_days: list[int]) -> _Geometry:
    """Vectorised extents: day events at midday, bars to the end of their last day."""
    horizon = _horizon(table, idx, extra_days)
    lo_ms = table.lo_day[idx] * DAY_MS
    hi_ms = (table.hi_day[idx] + 1) * DAY_MS
    both_open = np.isnan(lo_ms) & np.isnan(hi_ms)
    handle = np.where(np.isnan(lo_ms), hi_ms, np.where(np.isnan(hi_ms), lo_ms, (lo_ms + hi_ms) / 2))
    handle = np.where(both_open, (horizon[0] + horizon[1]) / 2, handle)
    return _Geometry(idx, y, lo_ms, hi_ms, handle, horizon)


def _segments(x0: np.ndarray, x1: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Interleave start, end, gap so one line trace draws many separate bars."""
    xs = np.empty(3 * len(x0))
    ys = np.empty(3 * len(x0))
    xs[0::3], xs[1::3], xs[2::3] = x0, x1, np.nan
    ys[0::3], ys[1::3], ys[2::3] = y, y, np.nan
    return xs, ys


def _fade_pieces(g: _Geometry, sel: np.ndarray, level: int) -> tuple[np.ndarray, np.ndarray]:
    """Piece ``level`` of every open side among ``sel``: from the known end towards the horizon."""
    k = len(FADE)
    lo, hi, y = g.lo_ms[sel], g.hi_ms[sel], g.y[sel]
    centre = np.full(len(y), (g.horizon[0] + g.horizon[1]) / 2)
    left_end = np.where(np.isnan(hi), np.nan, np.where(np.isnan(lo), hi, np.nan))
    left_end = np.where(np.isnan(lo) & np.isnan(hi), centre, left_end)
    right_start = np.where(np.isnan(hi) & ~np.isnan(lo), lo, np.nan)
    right_start = np.where(np.isnan(lo) & np.isnan(hi), centre, right_start)
    xs, ys = [], []
    for anchor, edge in ((left_end, g.horizon[0]), (right_start, g.horizon[1])):
        ok = ~np.isnan(anchor)
        a = anchor[ok]
        step = (edge - a) / k
        px, py = _segments(a + step * level, a + step * (level + 1), y[ok])
        xs.append(px)
        ys.append(py)
    return np.concatenate(xs), np.concatenate(ys)


def _line_trace(kind: str, xs, ys, rgba: str, dash: str, width: float, group: str) -> dict:
    return dict(
        type=kind, x=xs, y=ys, mode="lines", line={"color": rgba, "width": width, "dash": dash},
        hoverinfo="skip", showlegend=False, legendgroup=group, meta="span", connectgaps=False,
    )


def _span_traces(table, g: _Geometry, styles: np.ndarray, kind: str, width: float) -> list:
    """Bars (closed intervals) and fading pieces (open sides), one trace per type/style/level."""
    traces = []
    types = table.types[g.idx]
    closed = ~np.isnan(g.lo_ms) & ~np.isnan(g.hi_ms) & (g.hi_ms - g.lo_ms > DAY_MS)
    opened = np.isnan(g.lo_ms) | np.isnan(g.hi_ms)
    for type_name in dict.fromkeys(types.tolist()):
        base = colour(type_name)
        of_type = types == type_name
        for style in STYLES:
            sel = of_type & (styles == style)
            w = width * THICKNESS[style]
            if (sel & closed).any():
                xs, ys = _segments(g.lo_ms[sel & closed], g.hi_ms[sel & closed], g.y[sel & closed])
                traces.append(_line_trace(kind, xs, ys, _rgba(base, ALPHA[style]), DASH[style], w, type_name))
            if (sel & opened).any():
                for level, fade in enumerate(FADE):
                    xs, ys = _fade_pieces(g, sel & opened, level)
                    rgba = _rgba(base, ALPHA[style] * fade)
                    traces.append(_line_trace(kind, xs, ys, rgba, DASH[style], w, type_name))
    return traces


def _handle_traces(table, g: _Geometry, styles: np.ndarray, kind: str, size: float) -> list:
    """One clickable marker per event, carrying its id in customdata and its hover text."""
    traces = []
    types = table.types[g.idx]
    is_point = ~np.isnan(g.lo_ms) & (g.hi_ms - g.lo_ms <= DAY_MS)
    shapes = np.where(is_point, "point", "bar")
    many = len(g.idx) > 5000
    for type_name in dict.fromkeys(types.tolist()):
        for (shape, style), symbol in SYMBOL.items():
            sel = (types == type_name) & (shapes == shape) & (styles == style)
            if not sel.any():
                continue
            rows = g.idx[sel]
            traces.append(dict(
                type=kind, x=g.handle_ms[sel], y=g.y[sel], mode="markers", name=type_name,
                marker={"symbol": symbol, "size": size if shape == "point" else size * 0.8,
                        "color": colour(type_name), "line": {"width": 2, "color": colour(type_name)},
                        "opacity": 1.0 if style == "stated" else 0.85},
                customdata=table.ids[rows].astype(str),
                hovertext=None if many else table.hover[rows].astype(str),
                hovertemplate="%{customdata}<br>%{x|%d %b %Y}<extra></extra>" if many else "%{hovertext}<extra></extra>",
                showlegend=False, legendgroup=type_name, meta="event",
            ))
    return traces


def _legend_traces(types: list[str], styles_present: set[str]) -> list:
    """Legend-only entries: one per type (colour) and one per drawing style (meaning)."""
    traces = [
        dict(type="scatter", x=[None], y=[None], mode="markers", name=html.escape(event_types()[t].label if t in event_types() else t),
                   marker={"color": colour(t), "size": 10, "symbol": "circle"}, legendgroup=t, meta="legend")
        for t in types
    ]
    for style in STYLES:
        if style in styles_present:
            traces.append(dict(
                type="scatter", x=[None], y=[None], mode="lines+markers", name=STYLE_LEGEND[style], meta="legend",
                line={"color": _rgba("#555555", ALPHA[style]), "dash": DASH[style], "width": 6 * THICKNESS[style]},
                marker={"symbol": SYMBOL[("point", style)], "color": "#555555", "size": 9},
                legendgroup="style-" + style,
            ))
    traces.append(dict(type="scatter", x=[None], y=[None], mode="lines", name="open end: bar fades out", meta="legend",
                             line={"color": "rgba(85,85,85,0.25)", "width": 4}, legendgroup="style-open"))
    return traces


def _styles(table: EventTable, idx: np.ndarray) -> np.ndarray:
    unreal = table.modality[idx] != "asserted"
    return np.where(unreal, "unreal", np.where(table.inferred[idx], "inferred", "stated"))


@dataclass(frozen=True)
class _Rows:
    """Vertical placement: y of each shown event, and the axis ticks that label rows or lanes."""

    idx: np.ndarray
    y: np.ndarray
    tickvals: list[float]
    ticktext: list[str]
    bands: list[tuple[float, float]]  # lane extents, shaded alternately
    labelled: bool


def _rows(table: EventTable, mask: np.ndarray, by: str, label_limit: int) -> _Rows:
    """One row per event under a lane heading (few events), or one row per lane (many)."""
    idx = np.flatnonzero(mask)
    lanes = lane_values(table, by)[idx]
    order = _lane_order(lanes, by)
    lane_pos = {name: i for i, name in enumerate(order)}
    lane_index = np.fromiter((lane_pos[v] for v in lanes.tolist()), dtype=np.int64, count=len(idx))
    sort = np.lexsort((table.rank[idx], lane_index))
    idx, lanes, lane_index = idx[sort], lanes[sort], lane_index[sort]
    counts = np.bincount(lane_index, minlength=len(order))
    names = [_lane_label(name, by) for name in order]
    if len(idx) > label_limit:
        jitter = ((table.rank[idx] * 7919) % 9) / 9.0 * 0.7 - 0.35  # spread points within a lane
        ticks = [f"<b>{n}</b> ({c:,})" for n, c in zip(names, counts)]
        bands = [(i - 0.5, i + 0.5) for i in range(len(order))]
        return _Rows(idx, lane_index + jitter, list(map(float, range(len(order)))), ticks, bands, False)
    y = lane_index + np.arange(len(idx)) + 1 if len(idx) else np.zeros(0)  # +1 per heading above
    starts = np.concatenate([[0], np.cumsum(counts[:-1] + 1)]) if len(order) else np.zeros(0)
    tickvals = [float(s) for s in starts] + [float(v) for v in y]
    ticktext = [f"<b>{n}</b> ({c})" for n, c in zip(names, counts)]
    ticktext += [html.escape(_short(t)) for t in table.titles[idx].tolist()]
    bands = [(float(s) - 0.5, float(s) + c + 0.5) for s, c in zip(starts, counts)]
    return _Rows(idx, y.astype(float), tickvals, ticktext, bands, True)


def _lane_label(name: str, by: str) -> str:
    if by == "type" and name in event_types():
        return html.escape(event_types()[name].label)
    return html.escape(_short(str(name), 32))


def _publications(timeline: Timeline, table: EventTable, idx: np.ndarray) -> list[tuple[int, str]]:
    """(day, document title) of the documents the shown events cite."""
    cited = {d for i in idx.tolist() for d in table.documents[i]}
    return [
        (day_number(d.published), d.title or d.id)
        for d in timeline.documents
        if d.published is not None and (d.id in cited or not cited)
    ]


def _publication_trace(pubs: list[tuple[int, str]], y_range: tuple[float, float], kind: str):
    days = np.array([p[0] for p in pubs], dtype=float) * DAY_MS
    xs, ys = _segments(days, days, np.zeros(len(days)))
    ys[0::3], ys[1::3] = y_range
    titles = [html.escape(_short(t, 60)) for _, t in pubs]
    text = np.repeat(np.array(titles, dtype=object), 3)
    return dict(type=kind, x=xs, y=ys, mode="lines", name="publication date", meta="publication",
                line={"color": "rgba(60,60,60,0.55)", "width": 1.5, "dash": "dot"},
                hovertext=text.astype(str), hovertemplate="published %{x|%d %b %Y}<br>%{hovertext}<extra></extra>")


def _arrows(timeline: Timeline, g: _Geometry, table: EventTable) -> list[dict]:
    """Annotations from the earlier to the later event for before/after relations."""
    where = {table.ids[i]: k for k, i in enumerate(g.idx.tolist())}
    arrows = []
    for k, i in enumerate(g.idx.tolist()):
        for rel in timeline.events[i].relations:
            j = where.get(rel.target)
            if j is None or len(arrows) >= MAX_ARROWS:
                continue
            a, b = (k, j) if rel.relation != "after" else (j, k)
            head = 2 if rel.relation in ("before", "after") else 0
            arrows.append({
                "x": g.handle_ms[b], "y": g.y[b], "ax": g.handle_ms[a], "ay": g.y[a], "xref": "x", "yref": "y",
                "axref": "x", "ayref": "y", "showarrow": True, "arrowhead": head, "arrowwidth": 1.2,
                "arrowcolor": "rgba(80,80,80,0.6)", "standoff": 6, "startstandoff": 6, "text": "",
            })
    return arrows


def _template() -> dict:
    """plotly_white as a plain dict (an unvalidated figure does not expand template names)."""
    return pio.templates["plotly_white"].to_plotly_json()


def _layout(rows: _Rows, g: _Geometry, options: FigureOptions, pubs, arrows) -> dict:
    n_rows = max(len(rows.tickvals), 1) if rows.labelled else max(len(rows.bands), 1)
    per_row = 24 if rows.labelled else 70
    height = int(min(max(160 + per_row * n_rows, 360), 4000))
    shapes = [
        {"type": "rect", "xref": "paper", "x0": 0, "x1": 1, "yref": "y", "y0": lo, "y1": hi,
         "fillcolor": "rgba(120,130,150,0.07)" if k % 2 == 0 else "rgba(0,0,0,0)", "line": {"width": 0},
         "layer": "below"}
        for k, (lo, hi) in enumerate(rows.bands)
    ]
    annotations = [
        {"x": day * DAY_MS, "y": 1.0, "xref": "x", "yref": "paper", "yanchor": "bottom", "showarrow": False,
         "text": "published", "font": {"size": 11, "color": "#555"}}
        for day, _ in pubs[:6]
    ]
    top = rows.bands[0][0] if rows.bands else -0.5
    bottom = rows.bands[-1][1] if rows.bands else 0.5
    return {
        "template": _template(), "height": height, "hovermode": "closest", "clickmode": "event+select",
        "dragmode": "zoom", "margin": {"l": 10, "r": 10, "t": 70 if options.title else 40, "b": 40},
        "title": {"text": html.escape(options.title)} if options.title else None,
        "xaxis": {"type": "date", "range": list(g.horizon), "showgrid": True, "gridcolor": "#eee",
                  "zeroline": False, "automargin": True},
        "yaxis": {"tickmode": "array", "tickvals": rows.tickvals, "ticktext": rows.ticktext,
                  "range": [bottom, top], "fixedrange": True, "showgrid": False, "zeroline": False,
                  "automargin": True, "tickfont": {"size": 12}},
        "legend": {"orientation": "h", "yanchor": "top", "y": -0.06 if n_rows > 12 else -0.15, "x": 0,
                   "font": {"size": 11}},
        "shapes": shapes, "annotations": annotations + arrows, "uirevision": "timeline",
    }


def build_figure(timeline: Timeline, table: EventTable | None = None, mask: np.ndarray | None = None,
                 options: FigureOptions | None = None) -> go.Figure:
    """Draw the events selected by ``mask`` (all by default) on a time axis."""
    options = options or FigureOptions()
    table = table if table is not None else build_table(timeline)
    mask = np.ones(len(table), dtype=bool) if mask is None else mask
    rows = _rows(table, mask, options.lanes, options.label_limit)
    pubs = _publications(timeline, table, rows.idx) if options.publications else []
    g = _geometry(table, rows.idx, rows.y, [p[0] for p in pubs])
    kind = "scattergl" if len(rows.idx) > options.webgl_above else "scatter"
    styles = _styles(table, rows.idx)
    width = 9.0 if rows.labelled else 3.0
    traces = _span_traces(table, g, styles, kind, width)
    if pubs:
        y_range = (rows.bands[0][0], rows.bands[-1][1]) if rows.bands else (-0.5, 0.5)
        traces.append(_publication_trace(pubs, y_range, "scatter"))
    traces += _handle_traces(table, g, styles, kind, 12.0 if rows.labelled else 5.0)
    types = list(dict.fromkeys(table.types[rows.idx].tolist()))
    traces += _legend_traces(types, set(styles.tolist()))
    arrows = _arrows(timeline, g, table) if options.relations and rows.labelled else []
    layout = _layout(rows, g, options, pubs, arrows)
    return go.Figure(data=traces, layout=layout, _validate=False)


def to_json(figure: go.Figure) -> str:
    """Serialise with plotly's fast path (orjson when installed, numpy arrays as base64)."""
    return pio.to_json(figure.to_dict(), validate=False, engine="auto")
