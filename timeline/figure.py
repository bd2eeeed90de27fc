"""Timeline -> plotly figure: every event spans its EDTF interval, uncertainty drawn honestly.

A day-precision event is a marker; a month/season/year/interval one is a bar across it; an open
side (``../2024-01-31``) is a bar that fades out over a fixed share of the axis (``OPEN_FADE``), so
that it never reads as a span of years; an event with no date at all is not on the time axis (any
place on it would read as a date), and a note on the chart says how many are left off;
an inferred date is a thinner
bar with a hollow marker, a hypothetical/future/negated event dotted and faint. Lanes group events by type,
first actor or document. Up to ``label_limit`` events each get a row labelled with its title;
above it events share their lane's row and only lanes are labelled. Arrays are numpy, traces
are few (per type and style, never per event), and WebGL is used above ``webgl_above`` events.
No Streamlit here.
"""

from __future__ import annotations

import base64
import datetime as dt
from copy import deepcopy
from dataclasses import dataclass

import numpy as np
import plotly.graph_objects as go
import plotly.io as pio
from _plotly_utils.utils import is_skipped_key, plotlyjsShortTypes, to_typed_array_spec

from .filters import DAY_MS, NO_VALUE, EventTable, build_table, day_number, hover_text, lane_codes, plotly_text
from .models import Timeline
from .taxonomy import event_types

FADE = (0.85, 0.55, 0.3, 0.12)  # opacity of the pieces of an open side, from the known end out
FADE_COARSE = (0.7, 0.2)  # fewer pieces (and traces) when drawing thousands of events
STYLES = ("stated", "inferred", "unreal")  # index = EventTable.style code
DASH = {"stated": "solid", "inferred": "solid", "unreal": "dot"}
THICKNESS = {"stated": 1.0, "inferred": 0.55, "unreal": 0.55}  # inferred bars are thinner
ALPHA = {"stated": 1.0, "inferred": 0.75, "unreal": 0.45}
# plotly symbol numbers, [shape][style]: circle 0 / diamond 2; +100 = hollow; 134 = x-thin-open
SYMBOL_CODES = np.array([[0, 100, 134], [2, 102, 134]], dtype=np.int16)  # rows: point, bar
SYMBOL_NAMES = {0: "circle", 100: "circle-open", 134: "x-thin-open", 2: "diamond", 102: "diamond-open"}
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
OPEN_FADE = 0.08  # an open side fades out over this share of the axis width, whatever the span
MIN_PAD_DAYS = 45  # room beside the known dates, at least, for open sides and markers
FOCUS_MIN_EVENTS = 20  # below this many dated events every one is in the first view
FOCUS_QUANTILES = (2.0, 98.0)  # the first view holds the middle 96 % of the known dates ...
FOCUS_SHARE = 0.5  # ... when they fill less than half the span of them all
MAX_ARROWS = 300
HOVER_LIMIT = 5000  # above: hover shows id and date, not the full text (keeps the JSON small)


@dataclass(frozen=True)
class FigureOptions:
    """How to draw: lane grouping, relation arrows, publication markers and size thresholds."""

    lanes: str = "type"
    relations: bool = False
    publications: bool = True
    label_limit: int = 150
    webgl_above: int = 1000
    title: str | None = None
    selected: str | None = None  # id of the event to ring (the one whose details are open)


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


def _lane_order(names: list[str], counts: np.ndarray, by: str) -> list[int]:
    """Lane codes in reading order: types as the taxonomy lists them, others by size; none last."""
    present = [c for c in range(len(names)) if counts[c] > 0]
    if by == "type":
        order = {name: i for i, name in enumerate(event_types())}
        return sorted(present, key=lambda c: (order.get(names[c], len(order)), names[c]))
    return sorted(present, key=lambda c: (names[c] == NO_VALUE, -counts[c], names[c]))


def _horizon(table: EventTable, idx: np.ndarray, extra_days: list[int]) -> tuple[float, float]:
    """Time range (ms) of the axis: all known ends plus room for open sides to fade out (the pad is
    at least 0.12 of the span, more than the OPEN_FADE share of the whole axis that a fade takes)."""
    known = np.concatenate([table.lo_day[idx], table.hi_day[idx], np.asarray(extra_days, dtype=float)])
    known = known[~np.isnan(known)]
    if known.size == 0:
        known = np.array([float(day_number(dt.date.today()))])
    lo, hi = _focus(known, len(idx))
    pad = max((hi - lo) * 0.12, MIN_PAD_DAYS)
    return (lo - pad) * DAY_MS, (hi + pad) * DAY_MS


def _focus(known: np.ndarray, events: int) -> tuple[float, float]:
    """The days the first view spans: all known dates, unless a few far ones (an event of 1903 among
    600 of 2019-2025) would squeeze the rest into a sliver; those are then counted in a note and a
    zoom out shows them."""
    lo, hi = float(known.min()), float(known.max()) + 1
    if events < FOCUS_MIN_EVENTS:
        return lo, hi
    near_lo, near_hi = (float(v) for v in np.percentile(known, FOCUS_QUANTILES))
    if (near_hi + 1 - near_lo) >= FOCUS_SHARE * (hi - lo):
        return lo, hi
    return near_lo, near_hi + 1


def outside_words(g: "_Geometry") -> str:
    """'4 events outside this view (3 before, 1 after): ...' when the first view leaves some out
    (short: it must fit beside the modebar in a 768-pixel window)."""
    with np.errstate(invalid="ignore"):
        before = int(np.sum(g.hi_ms < g.horizon[0]))
        after = int(np.sum(g.lo_ms > g.horizon[1]))
    if not before and not after:
        return ""
    sides = ", ".join(f"{n:,} {side}" for n, side in ((before, "before"), (after, "after")) if n)
    return f"{before + after:,} event{'' if before + after == 1 else 's'} outside this view ({sides}): double-click to zoom out"


def _geometry(table: EventTable, idx: np.ndarray, y: np.ndarray, extra_days: list[int]) -> _Geometry:
    """Vectorised extents: day events at midday, bars to the end of their last day."""
    horizon = _horizon(table, idx, extra_days)
    lo_ms = table.lo_day[idx] * DAY_MS
    hi_ms = (table.hi_day[idx] + 1) * DAY_MS
    handle = np.where(np.isnan(lo_ms), hi_ms, np.where(np.isnan(hi_ms), lo_ms, (lo_ms + hi_ms) / 2))
    return _Geometry(idx, y, lo_ms, hi_ms, handle, horizon)


def _segments(x0: np.ndarray, x1: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Interleave start, end, gap so one line trace draws many separate bars."""
    xs = np.empty(3 * len(x0))
    ys = np.empty(3 * len(x0))
    xs[0::3], xs[1::3], xs[2::3] = x0, x1, np.nan
    ys[0::3], ys[1::3], ys[2::3] = y, y, np.nan
    return xs, ys


def _fade_pieces(g: _Geometry, sel: np.ndarray, level: int, k: int) -> tuple[np.ndarray, np.ndarray]:
    """Piece ``level`` of every open side among ``sel``: from the known end outwards, over a fixed
    share of the axis (every drawn event has one known end: undated ones are left off)."""
    lo, hi, y = g.lo_ms[sel], g.hi_ms[sel], g.y[sel]
    fade = (g.horizon[1] - g.horizon[0]) * OPEN_FADE
    left_end = np.where(np.isnan(lo), hi, np.nan)
    right_start = np.where(np.isnan(hi), lo, np.nan)
    xs, ys = [], []
    for anchor, edge in ((left_end, g.horizon[0]), (right_start, g.horizon[1])):
        ok = ~np.isnan(anchor)
        a = anchor[ok]
        step = np.sign(edge - a) * fade / k
        px, py = _segments(a + step * level, a + step * (level + 1), y[ok])
        xs.append(px)
        ys.append(py)
    return np.concatenate(xs), np.concatenate(ys)


def _line_trace(kind: str, xs, ys, rgba: str, dash: str, width: float, group: str) -> dict:
    return dict(
        type=kind, x=xs, y=ys, mode="lines", line={"color": rgba, "width": width, "dash": dash},
        hoverinfo="skip", showlegend=False, legendgroup=group, meta="span", connectgaps=False,
    )


def _span_traces(table: EventTable, g: _Geometry, kind: str, width: float, compact: bool) -> list[dict]:
    """Bars (closed intervals) and fading pieces (open sides), one trace per type/style/level.

    ``compact`` (many events, lanes only): two fade levels and one bar style per type (at 3 px
    a thinner bar is not visible anyway; the markers still show inferred and hypothetical), so
    the trace count stays small.
    """
    traces = []
    codes, styles = table.type_code[g.idx], table.style[g.idx]
    fades = FADE_COARSE if compact else FADE
    if compact:
        styles = np.zeros_like(styles)
    closed = ~np.isnan(g.lo_ms) & ~np.isnan(g.hi_ms) & (g.hi_ms - g.lo_ms > DAY_MS)
    opened = np.isnan(g.lo_ms) | np.isnan(g.hi_ms)
    for code in np.unique(codes).tolist():
        type_name = table.type_list[code]
        base = colour(type_name)
        of_type = codes == code
        for s_code, style in enumerate(STYLES):
            sel = of_type & (styles == s_code)
            w = width * THICKNESS[style]
            if (sel & closed).any():
                xs, ys = _segments(g.lo_ms[sel & closed], g.hi_ms[sel & closed], g.y[sel & closed])
                traces.append(_line_trace(kind, xs, ys, _rgba(base, ALPHA[style]), DASH[style], w, type_name))
            if (sel & opened).any():
                for level, fade in enumerate(fades):
                    xs, ys = _fade_pieces(g, sel & opened, level, len(fades))
                    rgba = _rgba(base, ALPHA[style] * fade)
                    traces.append(_line_trace(kind, xs, ys, rgba, DASH[style], w, type_name))
    return traces


def _hover(timeline: Timeline, table: EventTable, rows: np.ndarray, total: int) -> list[str] | None:
    """Full hover text for a readable number of events; above it, hover shows id and date only."""
    if total > HOVER_LIMIT:
        return None
    cache = table.hover_cache  # the table lives as long as its file version: build each text once
    out = []
    for i in rows.tolist():
        text = cache.get(i)
        if text is None:
            text = cache[i] = hover_text(timeline.events[i])
        out.append(text)
    return out


def _handle_traces(timeline: Timeline, table: EventTable, g: _Geometry, kind: str, size: float) -> list[dict]:
    """One clickable marker per event (id in customdata), one trace per type; symbol = style."""
    traces = []
    codes, styles = table.type_code[g.idx], table.style[g.idx]
    shape = (np.isnan(g.lo_ms) | (g.hi_ms - g.lo_ms > DAY_MS)).astype(np.int16)  # 0 point, 1 bar
    symbols = SYMBOL_CODES[shape, styles]
    sizes = np.where(shape == 0, size, size * 0.8)
    opacity = np.where(styles == 0, 1.0, np.where(styles == 1, 0.85, 0.6))
    for code in np.unique(codes).tolist():
        sel = codes == code
        type_name = table.type_list[code]
        rows = g.idx[sel]
        hover = _hover(timeline, table, rows, len(g.idx))
        traces.append(dict(
            type=kind, x=g.handle_ms[sel], y=g.y[sel], mode="markers", name=type_name,
            marker={"symbol": symbols[sel], "size": sizes[sel], "opacity": opacity[sel],
                    "color": colour(type_name), "line": {"width": 2, "color": colour(type_name)}},
            customdata=table.ids[rows].tolist(), hovertext=hover,
            hovertemplate="%{hovertext}<extra></extra>" if hover else "%{customdata}<br>%{x|%d %b %Y}<extra></extra>",
            showlegend=False, legendgroup=type_name, meta="event",
        ))
    return traces


def _selected_trace(table: EventTable, g: _Geometry, selected: str | None, kind: str) -> list[dict]:
    """A ring around the selected event's marker, so the details panel and the chart agree."""
    where = np.flatnonzero(table.ids[g.idx] == selected) if selected else []
    if len(where) == 0:
        return []
    k = int(where[0])
    return [dict(type=kind, x=[g.handle_ms[k]], y=[g.y[k]], mode="markers", hoverinfo="skip", showlegend=False,
                 meta="selected", marker={"symbol": "circle-open", "size": 24, "color": "#111",
                                          "line": {"width": 2.5, "color": "#111"}})]


def _legend_traces(types: list[str], styles_present: set[int]) -> list[dict]:
    """Legend-only entries: one per type (colour) and one per drawing style (meaning)."""
    label = {name: t.label for name, t in event_types().items()}
    traces = [
        dict(type="scatter", x=[None], y=[None], mode="markers", name=plotly_text(label.get(t, t)),
             marker={"color": colour(t), "size": 10, "symbol": "circle"}, legendgroup=t, meta="legend")
        for t in types
    ]
    for s_code, style in enumerate(STYLES):
        if s_code in styles_present:
            traces.append(dict(
                type="scatter", x=[None], y=[None], mode="lines+markers", name=STYLE_LEGEND[style], meta="legend",
                line={"color": _rgba("#555555", ALPHA[style]), "dash": DASH[style], "width": 6 * THICKNESS[style]},
                marker={"symbol": SYMBOL_NAMES[int(SYMBOL_CODES[0, s_code])], "color": "#555555", "size": 9},
                legendgroup="style-" + style,
            ))
    traces.append(dict(type="scatter", x=[None], y=[None], mode="lines", name="open end: bar fades out",
                       meta="legend", line={"color": "rgba(85,85,85,0.25)", "width": 4}, legendgroup="style-open"))
    return traces


@dataclass(frozen=True)
class _Rows:
    """Vertical placement: y of each shown event, and the axis ticks that label rows or lanes."""

    idx: np.ndarray
    y: np.ndarray
    tickvals: list[float]
    ticktext: list[str]
    bands: list[tuple[float, float]]  # lane extents, shaded alternately
    labelled: bool


def _rows(table: EventTable, mask: np.ndarray, by: str, label_limit: int, titles: dict[str, str]) -> _Rows:
    """One row per event under a lane heading (few events), or one row per lane (many)."""
    idx = np.flatnonzero(mask)
    codes, names = lane_codes(table, by)
    codes = codes[idx]
    counts_all = np.bincount(codes, minlength=len(names))
    order = _lane_order(names, counts_all, by)
    position = np.zeros(len(names), dtype=np.int64)
    position[order] = np.arange(len(order))
    lane_index = position[codes]
    sort = np.lexsort((table.rank[idx], lane_index))
    idx, lane_index = idx[sort], lane_index[sort]
    counts = counts_all[order]
    labels = [_lane_label(titles.get(names[c], names[c]) if by == "document" else names[c], by) for c in order]
    if len(idx) > label_limit:
        jitter = ((table.rank[idx] * 7919) % 9) / 9.0 * 0.7 - 0.35  # spread points within a lane
        ticks = [f"<b>{n}</b> ({c:,})" for n, c in zip(labels, counts)]
        bands = [(i - 0.5, i + 0.5) for i in range(len(order))]
        return _Rows(idx, lane_index + jitter, list(map(float, range(len(order)))), ticks, bands, False)
    y = lane_index + np.arange(len(idx)) + 1 if len(idx) else np.zeros(0)  # +1 per heading above
    starts = np.concatenate([[0], np.cumsum(counts[:-1] + 1)]) if len(order) else np.zeros(0)
    tickvals = [float(s) for s in starts] + [float(v) for v in y]
    ticktext = [f"<b>{n}</b> ({c})" for n, c in zip(labels, counts)]
    ticktext += [plotly_text(_short(t)) for t in table.titles[idx].tolist()]
    bands = [(float(s) - 0.5, float(s) + c + 0.5) for s, c in zip(starts, counts)]
    return _Rows(idx, y.astype(float), tickvals, ticktext, bands, True)


def _lane_label(name: str, by: str) -> str:
    if by == "type" and name in event_types():
        return plotly_text(event_types()[name].label)
    return plotly_text(_short(str(name), 32))


def _publications(timeline: Timeline, table: EventTable, idx: np.ndarray) -> list[tuple[int, str]]:
    """(day, document title) of the documents the shown events cite."""
    codes = np.unique(table.doc_code[idx])
    cited = {table.doc_list[c] for c in codes.tolist() if c >= 0}
    return [
        (day_number(d.published), d.title or d.id)
        for d in timeline.documents
        if d.published is not None and (d.id in cited or not cited)
    ]


def _publication_trace(pubs: list[tuple[int, str]], y_range: tuple[float, float], kind: str):
    days = np.array([p[0] for p in pubs], dtype=float) * DAY_MS
    xs, ys = _segments(days, days, np.zeros(len(days)))
    ys[0::3], ys[1::3] = y_range
    titles = [plotly_text(_short(t, 60)) for _, t in pubs]
    text = [t for t in titles for _ in range(3)]
    return dict(type=kind, x=xs, y=ys, mode="lines", name="publication date", meta="publication",
                line={"color": "rgba(60,60,60,0.55)", "width": 1.5, "dash": "dot"},
                hovertext=text, hovertemplate="published %{x|%d %b %Y}<br>%{hovertext}<extra></extra>")


def _relation_pairs(timeline: Timeline, g: _Geometry, table: EventTable) -> list[tuple[int, int, bool]]:
    """(earlier, later, ordered) positions of the shown events each relation links."""
    where = {table.ids[i]: k for k, i in enumerate(g.idx.tolist())}
    pairs = []
    for k, i in enumerate(g.idx.tolist()):
        for rel in timeline.events[i].relations:
            j = where.get(rel.target)
            if j is not None and len(pairs) < MAX_ARROWS:
                a, b = (j, k) if rel.relation == "after" else (k, j)
                pairs.append((a, b, rel.relation in ("before", "after")))
    return pairs


def _relation_traces(timeline: Timeline, g: _Geometry, table: EventTable) -> list[dict]:
    """Brackets to the right of the events, from the earlier to the later one (arrowhead at the later).

    Undated events often share one end date, so straight arrows would lie on top of each other;
    each bracket gets its own offset instead.
    """
    pairs = _relation_pairs(timeline, g, table)
    if not pairs:
        return []
    step = (g.horizon[1] - g.horizon[0]) * 0.012
    xs, ys, head_x, head_y = [], [], [], []
    for n, (a, b, ordered) in enumerate(pairs):
        off = step * (1 + n % 8)
        xa, xb = g.handle_ms[a], g.handle_ms[b]
        right = max(xa, xb) + off
        xs += [xa, right, right, xb, np.nan]
        ys += [g.y[a], g.y[a], g.y[b], g.y[b], np.nan]
        if ordered:
            head_x.append(xb + step * 0.45)
            head_y.append(g.y[b])
    line = dict(type="scatter", x=np.array(xs), y=np.array(ys), mode="lines", hoverinfo="skip", meta="relation",
                name="before / after", line={"color": "rgba(70,70,70,0.55)", "width": 1.2}, legendgroup="relation")
    heads = dict(type="scatter", x=np.array(head_x), y=np.array(head_y), mode="markers", hoverinfo="skip",
                 meta="relation", showlegend=False, legendgroup="relation",
                 marker={"symbol": "triangle-left", "size": 8, "color": "rgba(70,70,70,0.8)"})
    return [line, heads]


def _template() -> dict:
    """plotly_white as a plain dict (an unvalidated figure does not expand template names)."""
    return pio.templates["plotly_white"].to_plotly_json()


def undated(table: EventTable, mask: np.ndarray) -> np.ndarray:
    """The shown events with no date at all: no place on a time axis would be honest for them."""
    return mask & np.isnan(table.lo_day) & np.isnan(table.hi_day)


def undated_words(count: int) -> str:
    """The note that stands in for the undated events on the chart (and beside it in the app)."""
    return f"{count:,} undated event{'' if count == 1 else 's'} not on the time axis"


def _undated_note(count: int) -> list[dict]:
    """A note above the plot, left, where no date is: the events left off are counted, not hidden."""
    if not count:
        return []
    return [{"x": 0, "y": 1, "xref": "paper", "yref": "paper", "xanchor": "left", "yanchor": "bottom",
             "yshift": 30, "showarrow": False, "text": undated_words(count), "font": {"size": 12, "color": "#444"},
             "bgcolor": "rgba(255,255,255,0.85)", "name": "undated"}]


def _outside_note(words: str, above_undated: bool) -> list[dict]:
    """A note above the plot, left (the modebar is right), over the undated note when there is one:
    events the first view leaves out are counted, not hidden."""
    if not words:
        return []
    return [{"x": 0, "y": 1, "xref": "paper", "yref": "paper", "xanchor": "left", "yanchor": "bottom",
             "yshift": 47 if above_undated else 30, "showarrow": False, "text": words, "font": {"size": 12, "color": "#444"},
             "bgcolor": "rgba(255,255,255,0.85)", "name": "outside"}]


def _layout(rows: _Rows, g: _Geometry, options: FigureOptions, pubs, undated_count: int = 0) -> dict:
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
        {"x": day * DAY_MS, "y": 0.0, "xref": "x", "yref": "paper", "yanchor": "top", "showarrow": False,
         "text": "published", "font": {"size": 11, "color": "#555"}}
        for day, _ in pubs[:6]
    ] + _undated_note(undated_count) + _outside_note(outside_words(g), bool(undated_count))
    top = rows.bands[0][0] if rows.bands else -0.5
    bottom = rows.bands[-1][1] if rows.bands else 0.5
    return {
        "template": _template(), "height": height, "hovermode": "closest", "clickmode": "event+select",
        "dragmode": "zoom", "margin": {"l": 10, "r": 10, "t": 110 if options.title else 64, "b": 30},  # room for the modebar
        "title": {"text": plotly_text(options.title)} if options.title else None,
        "xaxis": {"type": "date", "range": list(g.horizon), "showgrid": True, "gridcolor": "#eee",
                  "zeroline": False, "automargin": True, "side": "top", "ticks": "outside"},
        "yaxis": {"tickmode": "array", "tickvals": rows.tickvals, "ticktext": rows.ticktext,
                  "range": [bottom, top], "fixedrange": True, "showgrid": False, "zeroline": False,
                  "automargin": True, "tickfont": {"size": 12}},
        "legend": {"orientation": "h", "yanchor": "top", "y": -0.04 if n_rows > 12 else -0.12, "x": 0,
                   "font": {"size": 11}},
        "shapes": shapes, "annotations": annotations, "uirevision": "timeline",
    }


def build_figure(timeline: Timeline, table: EventTable | None = None, mask: np.ndarray | None = None,
                 options: FigureOptions | None = None) -> TimelineFigure:
    """Draw the events selected by ``mask`` (all by default) on a time axis; undated ones are counted
    in a note instead (the app lists them in its Event box)."""
    options = options or FigureOptions()
    table = table if table is not None else build_table(timeline)
    mask = np.ones(len(table), dtype=bool) if mask is None else mask
    left_off = undated(table, mask)
    doc_titles = {d.id: d.title or d.id for d in timeline.documents}
    rows = _rows(table, mask & ~left_off, options.lanes, options.label_limit, doc_titles)
    pubs = _publications(timeline, table, rows.idx) if options.publications else []
    g = _geometry(table, rows.idx, rows.y, [p[0] for p in pubs])
    kind = "scattergl" if len(rows.idx) > options.webgl_above else "scatter"
    width = 9.0 if rows.labelled else 3.0
    traces = _span_traces(table, g, kind, width, compact=not rows.labelled)
    if pubs:
        y_range = (rows.bands[0][0], rows.bands[-1][1]) if rows.bands else (-0.5, 0.5)
        traces.append(_publication_trace(pubs, y_range, "scatter"))
    traces += _handle_traces(timeline, table, g, kind, 12.0 if rows.labelled else 5.0)
    traces += _selected_trace(table, g, options.selected, kind)
    order = {name: i for i, name in enumerate(event_types())}
    types = sorted((table.type_list[c] for c in np.unique(table.type_code[rows.idx]).tolist()),
                   key=lambda t: order.get(t, len(order)))
    traces += _legend_traces(types, set(np.unique(table.style[rows.idx]).tolist()))
    if options.relations and rows.labelled:
        traces += _relation_traces(timeline, g, table)
    layout = _layout(rows, g, options, pubs, int(left_off.sum()))
    if kind == "scattergl":
        _compact(traces)
    return _figure(traces, layout)


class TimelineFigure(go.Figure):
    """A plotly figure whose ``to_dict`` copies containers but shares immutable leaves.

    plotly's own ``to_dict`` deep-copies every value (100,000 id strings one call each) and
    then walks every list looking for arrays; Streamlit calls it on every rerun. The output is
    the same dict (a test compares the JSON), at a fraction of the cost.
    """

    def to_dict(self) -> dict:
        if self._frame_objs:
            return super().to_dict()
        return {"data": [_plain(trace) for trace in self._data], "layout": _plain(self._layout)}


_LEAVES = frozenset({str, int, float, bool, type(None)})


def _plain(value, key: str = ""):
    """A fresh copy of ``value`` with numpy arrays as plotly typed-array specs, as ``to_dict`` gives."""
    if is_skipped_key(key):
        return deepcopy(value)
    if isinstance(value, dict):
        return {k: _plain(v, k) for k, v in value.items()}
    if isinstance(value, np.ndarray):
        return _typed_array(value)
    if isinstance(value, (list, tuple)):
        if _LEAVES.issuperset(map(type, value)):
            return list(value)
        return [_plain(v) for v in value]
    return value if type(value) in _LEAVES else deepcopy(value)


def _typed_array(array: np.ndarray):
    """plotly.js typed-array spec; plotly's converter checks every array for dataframes first."""
    short = plotlyjsShortTypes.get(str(array.dtype))
    if short is None or array.ndim != 1 or array.size == 0:
        return to_typed_array_spec(array)
    return {"dtype": short, "bdata": base64.b64encode(np.ascontiguousarray(array)).decode("ascii")}


def _figure(traces: list[dict], layout: dict) -> TimelineFigure:
    """An unvalidated figure; id lists are attached afterwards (construction would deep-copy them)."""
    ids = [trace.pop("customdata", None) for trace in traces]
    fig = TimelineFigure(data=traces, layout=layout, _validate=False)
    for trace, value in zip(fig.data, ids):
        if value is not None:
            trace.customdata = value
    return fig


def _compact(traces: list[dict]) -> None:
    """float32 halves the JSON; at ~1.5e12 ms it still resolves 2 minutes, far below a day."""
    for trace in traces:
        for key in ("x", "y"):
            if isinstance(trace.get(key), np.ndarray):
                trace[key] = trace[key].astype(np.float32)
        marker = trace.get("marker", {})
        for key in ("size", "opacity"):
            if isinstance(marker.get(key), np.ndarray):
                marker[key] = marker[key].astype(np.float32)


def to_json(figure: go.Figure) -> str:
    """Serialise with plotly's fast path (orjson when installed, numpy arrays as base64)."""
    return pio.to_json(figure.to_dict(), validate=False, engine="auto")
