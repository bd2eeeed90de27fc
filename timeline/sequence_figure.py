"""Sequence view: the story's order (``timeline.sequence``) as a plotly figure, left to right.

Each event is a marker coloured by type (filled: date stated, hollow: inferred, x: hypothetical,
future or negated) with its title and its date in words underneath. A stated before/after
relation is an arrow that leaves the earlier event along its own row and turns into the later
event's column in the gap before it, so that arrows never cross a label. Events that happen
during or overlap another share a box (solid: during, dashed: overlaps); relations the solver
found contradictory are red and dashed. Selecting an event rings it and fades everything that is
neither before it, after it nor at the same time. Rows and columns have fixed pixel sizes, so the
first view shows at most ``sequence.MAX_VISIBLE`` columns and the rest is reached by panning.
No Streamlit here.
"""

from __future__ import annotations

import html

import numpy as np
import plotly.io as pio

from . import sequence
from .figure import SYMBOL_CODES, SYMBOL_NAMES, TimelineFigure, colour
from .filters import EventTable, hover_text, plotly_text
from .models import Timeline
from .sequence import COLUMN_PX, DATE_FONT_PX, FONT_PX, ROW_PX, Layout, Order
from .taxonomy import event_types

MARGIN = {"l": 8, "r": 8, "t": 8, "b": 8}
MARKER_SIZE = 13
GAP = 0.5  # the gap between two columns, in columns, where arrows turn
STYLE_WORDS = ("date stated", "date inferred", "hypothetical, future or negated")


def _rgba(hex_colour: str, alpha: float) -> str:
    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgba({r},{g},{b},{alpha:.2f})"


def build_sequence_figure(timeline: Timeline, order: Order, table: EventTable, mask: np.ndarray,
                          selected: str | None = None) -> TimelineFigure:
    """The shown events (``mask``) in the solver's order; ``selected`` rings one and shows its neighbours."""
    layout = sequence.lay_out(order, mask)
    focus = _focus(order, layout, selected)
    traces = _block_traces(layout) + _link_traces(layout) + _conflict_trace(order, layout)
    traces += _selected_trace(layout, order, selected) + _node_traces(timeline, order, table, layout, focus)
    return TimelineFigure(data=traces, layout=_figure_layout(layout, _selected_x(layout, order, selected), selected),
                          _validate=False)


def _selected_x(layout: Layout, order: Order, selected: str | None) -> float | None:
    """The selected event's column, when it is shown (the first view is centred on it)."""
    k = _position(layout, order, selected)
    return None if k is None else float(layout.x[k])


def _position(layout: Layout, order: Order, selected: str | None) -> int | None:
    """Where the selected event is among the shown ones (None: nothing selected, or filtered out)."""
    where = [k for k, row in enumerate(layout.idx.tolist()) if order.ids[row] == selected]
    return where[0] if where else None


def x_window(layout: Layout, centre: float | None) -> list[float]:
    """The first view's columns: the leftmost ones, or those around ``centre`` (a selection far
    right would otherwise open off screen, at 1,780 events hundreds of columns away)."""
    width = layout.visible
    last = max(layout.columns, width) - width  # the leftmost column a full view may start at
    start = 0 if centre is None else int(min(max(round(centre) - width // 2, 0), last))
    return [start - 0.5, start + width - 0.5]


def _focus(order: Order, layout: Layout, selected: str | None) -> np.ndarray | None:
    """Which shown events stay bright when one is selected (itself, before, after, same time)."""
    if selected is None or selected not in order.index:
        return None
    near = sequence.around(order, selected)
    keep = near.before | near.after | near.same_time | {selected}
    return np.array([order.ids[row] in keep for row in layout.idx.tolist()], dtype=bool)


def _node_traces(timeline: Timeline, order: Order, table: EventTable, layout: Layout, focus) -> list[dict]:
    """One marker-and-label trace per event type; ids in customdata (selection works as on the time axis)."""
    rows = layout.idx
    codes, styles = table.type_code[rows], table.style[rows]
    bright = np.ones(len(rows), dtype=bool) if focus is None else focus
    traces = []
    for code in np.unique(codes).tolist():
        sel = np.flatnonzero(codes == code)
        type_name = table.type_list[code]
        picked = rows[sel].tolist()
        traces.append(dict(
            type="scatter", x=layout.x[sel], y=layout.y[sel], mode="markers+text", name=type_name,
            text=[_label(order, r) for r in picked], textposition="bottom center",
            textfont={"size": FONT_PX, "color": np.where(bright[sel], "#222222", "#bbbbbb").tolist()},
            marker={"symbol": [SYMBOL_NAMES[int(SYMBOL_CODES[0, s])] for s in styles[sel].tolist()],
                    "size": MARKER_SIZE, "color": colour(type_name), "opacity": np.where(bright[sel], 1.0, 0.25),
                    "line": {"width": 2, "color": colour(type_name)}},
            customdata=table.ids[picked].tolist(), hovertext=[_hover(timeline, table, r) for r in picked],
            hovertemplate="%{hovertext}<extra></extra>", showlegend=False, meta="event", cliponaxis=False,
        ))
    return traces


def _label(order: Order, row: int) -> str:
    """A node's text: its title lines, then its date in words, smaller and grey (escaped for plotly)."""
    title, when = sequence.label_lines(order, row)
    lines = "<br>".join(plotly_text(t) for t in title)
    return f"{lines}<br><span style='font-size:{DATE_FONT_PX:.0f}px;color:#666'>{plotly_text(when)}</span>"


def _hover(timeline: Timeline, table: EventTable, row: int) -> str:
    text = table.hover_cache.get(row)
    if text is None:
        text = table.hover_cache[row] = hover_text(timeline.events[row])
    return text


def _link_traces(layout: Layout) -> list[dict]:
    """Arrows for before/after, dotted lines for during/overlaps across blocks, red for contradictions."""
    arrows, heads, loose, bad = _Path(), _Path(), _Path(), _Path()
    turns: dict[float, int] = {}
    x, y = layout.x, layout.y
    block = {k: n for n, (members, _) in enumerate(layout.blocks) for k in members}
    for a, b, kind, flagged in layout.links:
        if flagged:
            bad.add([x[a], x[b]], [y[a], y[b]])
        elif kind == "before" and x[b] > x[a]:
            n = turns.setdefault(x[b], 0)
            turns[x[b]] += 1
            turn = x[b] - GAP + 0.05 * ((n % 5) - 2) / 2  # neighbouring arrows turn side by side
            end = x[b] - 9 / COLUMN_PX
            arrows.add([x[a] + 9 / COLUMN_PX, turn, turn, end], [y[a], y[a], y[b], y[b]])
            heads.add([end], [y[b]])
        elif kind != "before" and (a not in block or block.get(a) != block.get(b)):
            loose.add([x[a], x[b]], [y[a], y[b]])
    out = []
    if arrows.xs:
        out.append(_lines(arrows, "rgba(80,80,80,0.55)", "solid", "before"))
        out.append(dict(type="scatter", x=heads.points_x(), y=heads.points_y(), mode="markers", hoverinfo="skip",
                        showlegend=False, meta="arrowhead",
                        marker={"symbol": "triangle-right", "size": 9, "color": "rgba(80,80,80,0.85)"}))
    if loose.xs:
        out.append(_lines(loose, "rgba(80,80,80,0.5)", "dot", "same-time"))
    if bad.xs:
        out.append(_lines(bad, "rgba(214,39,40,0.9)", "dash", "contradiction"))
    return out


class _Path:
    """Many polylines in one trace: points separated by gaps."""

    def __init__(self) -> None:
        self.xs: list[float | None] = []
        self.ys: list[float | None] = []

    def add(self, xs: list[float], ys: list[float]) -> None:
        self.xs += [float(v) for v in xs] + [None]
        self.ys += [float(v) for v in ys] + [None]

    def points_x(self) -> list[float]:
        return [v for v in self.xs if v is not None]

    def points_y(self) -> list[float]:
        return [v for v in self.ys if v is not None]


def _lines(path: _Path, rgba: str, dash: str, meta: str) -> dict:
    return dict(type="scatter", x=path.xs, y=path.ys, mode="lines", hoverinfo="skip", showlegend=False,
                meta=meta, line={"color": rgba, "width": 1.6 if meta == "contradiction" else 1.2, "dash": dash})


def _block_traces(layout: Layout) -> list[dict]:
    """A box around events that happen at the same time: solid for during, dashed for overlaps."""
    out = []
    for kind, dash in (("during", "solid"), ("overlaps", "dash")):
        box = _Path()
        for members, block_kind in layout.blocks:
            if block_kind != kind:
                continue
            x0, x1 = float(layout.x[members].min()) - 0.47, float(layout.x[members].max()) + 0.47
            y0, y1 = float(layout.y[members].min()) - 0.16, float(layout.y[members].max()) + 0.85
            box.add([x0, x1, x1, x0, x0], [y0, y0, y1, y1, y0])
        if box.xs:
            out.append(dict(type="scatter", x=box.xs, y=box.ys, mode="lines", fill="toself", hoverinfo="skip",
                            fillcolor="rgba(120,130,150,0.07)", showlegend=False, meta=f"block-{kind}",
                            line={"color": "rgba(90,100,120,0.6)", "width": 1, "dash": dash}))
    return out


def _conflict_trace(order: Order, layout: Layout) -> list[dict]:
    """A red halo behind every shown event that a contradiction names."""
    named = {i for c in order.conflicts for i in c.event_ids}
    where = [k for k, row in enumerate(layout.idx.tolist()) if order.ids[row] in named]
    if not where:
        return []
    return [dict(type="scatter", x=layout.x[where], y=layout.y[where], mode="markers", hoverinfo="skip",
                 showlegend=False, meta="conflict", marker={"symbol": "circle", "size": 25, "color": "rgba(214,39,40,0.4)"})]


def _selected_trace(layout: Layout, order: Order, selected: str | None) -> list[dict]:
    """A halo behind the selected node (drawn first, so that its label stays on top)."""
    k = _position(layout, order, selected)
    if k is None:
        return []
    return [dict(type="scatter", x=[layout.x[k]], y=[layout.y[k]], mode="markers", hoverinfo="skip",
                 showlegend=False, meta="selected",
                 marker={"symbol": "circle", "size": 25, "color": "rgba(255,190,0,0.55)",
                         "line": {"width": 1.5, "color": "rgba(120,90,0,0.8)"}})]


def figure_height(layout: Layout) -> int:
    """Pixel height: every row exactly ``ROW_PX`` tall, so labels keep their measured places."""
    bottom, top = sequence.y_range(layout)
    return int(round((bottom - top) * ROW_PX)) + MARGIN["t"] + MARGIN["b"]


def _figure_layout(layout: Layout, centre: float | None = None, selected: str | None = None) -> dict:
    bottom, top = sequence.y_range(layout)
    shapes = [
        {"type": "rect", "xref": "paper", "x0": 0, "x1": 1, "yref": "y", "y0": band.top - 0.12, "y1": band.bottom - 0.12,
         "fillcolor": "rgba(120,130,150,0.06)" if n % 2 == 0 else "rgba(0,0,0,0)", "line": {"width": 0}, "layer": "below"}
        for n, band in enumerate(layout.bands)
    ]
    headings = [
        {"x": 0, "xref": "paper", "xanchor": "left", "y": band.top + 0.15, "yref": "y", "showarrow": False,
         "text": f"<i>{plotly_text(band.title)}</i>", "font": {"size": FONT_PX, "color": "#555"}}
        for band in layout.bands if band.title
    ]
    if not len(layout):
        headings.append({"x": 0.5, "y": 0.5, "xref": "paper", "yref": "paper", "showarrow": False,
                         "text": "No event matches the filters", "font": {"size": 13, "color": "#555"}})
    return {
        "template": pio.templates["plotly_white"].to_plotly_json(), "height": figure_height(layout),
        "margin": {**MARGIN, "autoexpand": False}, "hovermode": "closest", "clickmode": "event+select",
        "dragmode": "pan", "showlegend": False, "shapes": shapes, "annotations": headings,
        "uirevision": f"sequence:{selected}",  # a pan is kept until another event is selected
        "xaxis": {"range": x_window(layout, centre), "visible": False, "fixedrange": False},
        "yaxis": {"range": [bottom, top], "visible": False, "fixedrange": True},
    }


def swatches_html(table: EventTable, mask: np.ndarray) -> str:
    """A colour swatch and the label of every type among the shown events, as escaped HTML."""
    labels = {name: t.label for name, t in event_types().items()}
    present = [table.type_list[c] for c in np.unique(table.type_code[mask]).tolist()]
    order = {name: i for i, name in enumerate(event_types())}
    swatch = "<span style='display:inline-block;width:10px;height:10px;border-radius:50%;background:{}'></span>"
    types = " ".join(f"{swatch.format(colour(t))}&nbsp;{html.escape(labels.get(t, t))}"
                     for t in sorted(present, key=lambda t: order.get(t, len(order))))
    return f"<div style='font-size:0.8rem;color:#444;line-height:1.7'>{types}</div>"


def legend_html(table: EventTable, mask: np.ndarray) -> str:
    """The key, as escaped HTML: type colours of the shown events, marker styles, arrows and boxes."""
    key = ("&#9679; date stated &nbsp; &#9675; date inferred &nbsp; &#215; hypothetical, future or negated"
           " &nbsp;&middot;&nbsp; &#8594; stated before / after &nbsp;&middot;&nbsp; box: during (solid) or overlaps"
           " (dashed) &nbsp;&middot;&nbsp; <span style='color:#d62728'>red dashes: a contradiction</span>")
    return swatches_html(table, mask) + f"<div style='font-size:0.8rem;color:#444;line-height:1.7'>{key}</div>"
