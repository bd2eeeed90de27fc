"""The timeline figure: extents per precision, honest styles, lanes, escaping, scale behaviour."""

from __future__ import annotations

import datetime as dt
import json

import numpy as np
import plotly.graph_objects as go
import pytest

from timeline import figure
from timeline.filters import DAY_MS, build_table, day_number
from timeline.models import Document, Event, Relation, Source, Timeline

PUBLISHED = dt.date(2024, 1, 31)


def ms(day: dt.date) -> float:
    return day_number(day) * DAY_MS


def small_timeline(**overrides) -> Timeline:
    """One event per drawing case: day, month, interval, open before/after, hypothetical, undated."""
    src = [Source(document="doc", quote="q")]
    events = [
        Event(id="day", title="A day", type="attack", date="2023-09-19", sources=src),
        Event(id="month", title="A month", type="military_exercise", date="2023-09", sources=src),
        Event(id="span", title="A span", type="negotiation", date="2023-09-11/2023-09-20", sources=src),
        Event(id="before-pub", title="On or before", type="ceasefire", date="../2024-01-31", date_inferred=True,
              sources=src, relations=[Relation(relation="before", target="day")]),
        Event(id="after-pub", title="Maybe later", type="agreement", date="2024-01-31/..", modality="hypothetical",
              date_inferred=True, sources=src),
        Event(id="undated", title="No date", type="statement", sources=src),
    ]
    data = {"title": "t", "documents": [Document(id="doc", published=PUBLISHED, text="q")], "events": events}
    data.update(overrides)
    return Timeline(**data)


def traces(fig, meta):
    return [t for t in fig.data if t.meta == meta]


def handle_of(fig, event_id):
    for t in traces(fig, "event"):
        ids = list(t.customdata)
        if event_id in ids:
            k = ids.index(event_id)
            return t, float(t.x[k]), float(t.y[k]), k
    raise AssertionError(f"no handle for {event_id}")


def span_xs(fig, y):
    """x of every drawn bar point on row y (bars carry no ids; each event has its own row)."""
    xs = []
    for t in traces(fig, "span"):
        x, yy = np.asarray(t.x, dtype=float), np.asarray(t.y, dtype=float)
        xs += x[np.isclose(yy, y)].tolist()
    return xs


def test_one_clickable_item_per_dated_event_with_its_id():
    fig = figure.build_figure(small_timeline())
    ids = [i for t in traces(fig, "event") for i in t.customdata]
    assert sorted(ids) == sorted(e.id for e in small_timeline().events if e.date)  # undated: test_figure_undated


def test_day_is_a_marker_at_midday_without_a_bar():
    fig = figure.build_figure(small_timeline())
    _, x, y, _ = handle_of(fig, "day")
    assert x == ms(dt.date(2023, 9, 19)) + DAY_MS / 2
    assert span_xs(fig, y) == []


@pytest.mark.parametrize("event_id, lo, hi", [
    ("month", dt.date(2023, 9, 1), dt.date(2023, 10, 1)),
    ("span", dt.date(2023, 9, 11), dt.date(2023, 9, 21)),
])
def test_bar_spans_the_whole_interval(event_id, lo, hi):
    fig = figure.build_figure(small_timeline())
    _, x, y, _ = handle_of(fig, event_id)
    xs = span_xs(fig, y)
    assert min(xs) == ms(lo) and max(xs) == ms(hi)  # to the end of the last day
    assert x == (ms(lo) + ms(hi)) / 2


def _row_pieces(fig, y):
    """(start, end, alpha) of every span piece drawn on row ``y``, from the known end outwards."""
    pieces = []
    for t in traces(fig, "span"):
        xv, yv = np.asarray(t.x, dtype=float), np.asarray(t.y, dtype=float)
        on_row = xv[np.isclose(yv, y)]
        if on_row.size:
            alpha = float(t.line.color.rsplit(",", 1)[1].rstrip(")"))
            pieces.append((on_row.min(), on_row.max(), alpha))
    return pieces


def test_open_interval_fades_over_a_fixed_share_of_the_axis():
    fig = figure.build_figure(small_timeline())
    lo_axis, hi_axis = fig.layout.xaxis.range
    fade = (hi_axis - lo_axis) * figure.OPEN_FADE
    _, x, y, _ = handle_of(fig, "before-pub")
    end = ms(dt.date(2024, 2, 1))
    assert x == end
    pieces = sorted(_row_pieces(fig, y), key=lambda p: -p[1])  # from the known end outwards
    assert pieces[0][1] == pytest.approx(end) and pieces[-1][0] == pytest.approx(end - fade)
    assert [p[2] for p in pieces] == sorted((p[2] for p in pieces), reverse=True)  # fading out
    _, x_after, y_after, _ = handle_of(fig, "after-pub")
    assert max(span_xs(fig, y_after)) == pytest.approx(x_after + fade)  # open after: fades to the right


def test_open_interval_on_a_long_axis_is_not_read_as_years():
    """2019-2024: 'on or before 31 Jan 2024' fades within a few months, not back to 2019."""
    events = [Event(id="old", title="Old", type="attack", date="2019-03-01"),
              Event(id="open", title="Open", type="attack", date="../2024-01-31", date_inferred=True)]
    fig = figure.build_figure(Timeline(events=events))
    lo_axis, hi_axis = fig.layout.xaxis.range
    _, _, y, _ = handle_of(fig, "open")
    start = min(p[0] for p in _row_pieces(fig, y))
    assert ms(dt.date(2024, 2, 1)) - start == pytest.approx((hi_axis - lo_axis) * figure.OPEN_FADE)
    assert start > ms(dt.date(2023, 1, 1))


def test_inferred_and_hypothetical_look_different_from_stated():
    fig = figure.build_figure(small_timeline())
    symbol = {}
    for event_id in ("day", "month", "before-pub", "after-pub"):
        t, _, _, k = handle_of(fig, event_id)
        symbol[event_id] = int(np.asarray(t.marker.symbol)[k])
    assert symbol["day"] == 0 and symbol["month"] == 2  # filled circle / diamond: stated
    assert symbol["before-pub"] >= 100  # hollow: inferred
    assert symbol["after-pub"] == 134  # x: hypothetical
    dashes = {t.line.dash for t in traces(fig, "span")}
    assert "dot" in dashes  # the hypothetical event's bar is dotted
    legend = " ".join(t.name for t in traces(fig, "legend"))
    assert "inferred" in legend and "hypothetical" in legend and "fades" in legend


def test_hostile_text_is_escaped_in_hover_and_labels():
    bad = "<script>alert(1)</script><b>x</b>"
    tl = small_timeline()
    tl = tl.model_copy(update={"events": [tl.events[0].model_copy(update={"title": bad})] + tl.events[1:]})
    fig = figure.build_figure(tl)
    text = json.dumps(list(fig.layout.yaxis.ticktext)) + json.dumps([list(t.hovertext) for t in traces(fig, "event")])
    assert "<script>" not in text and "&lt;script&gt;" in text


def test_publication_date_marker_and_relation_arrows():
    fig = figure.build_figure(small_timeline(), options=figure.FigureOptions(relations=True))
    pub = traces(fig, "publication")[0]
    assert ms(PUBLISHED) in np.asarray(pub.x, dtype=float)
    line, heads = traces(fig, "relation")
    _, x_before, y_before, _ = handle_of(fig, "before-pub")
    _, x_day, y_day, _ = handle_of(fig, "day")
    path = np.asarray(line.x, dtype=float)[:4], np.asarray(line.y, dtype=float)[:4]
    assert (path[0][0], path[1][0]) == (x_before, y_before)  # from the earlier event ...
    assert (path[0][3], path[1][3]) == (x_day, y_day)  # ... to the later one
    assert len(heads.x) == 1 and float(heads.y[0]) == y_day  # the arrowhead points at the later event


@pytest.mark.parametrize("lanes", ["type", "actor", "document", "none"])
def test_lanes_label_every_row_once(lanes):
    fig = figure.build_figure(small_timeline(), options=figure.FigureOptions(lanes=lanes))
    ys = [y for t in traces(fig, "event") for y in np.asarray(t.y, dtype=float)]
    assert len(set(ys)) == len(ys)  # one row per event: labels never pile up
    assert len(fig.layout.yaxis.tickvals) == len(set(fig.layout.yaxis.tickvals))


def test_figure_is_valid_plotly_and_serialises():
    fig = figure.build_figure(small_timeline())
    go.Figure(fig.to_dict())  # full plotly validation
    assert json.loads(figure.to_json(fig))["data"]


def test_empty_selection_draws_an_empty_chart():
    tl = small_timeline()
    fig = figure.build_figure(tl, mask=np.zeros(len(tl.events), dtype=bool))
    assert traces(fig, "event") == []


def _many(n: int) -> Timeline:
    types = ["attack", "ceasefire", "visit", "statement"]
    events = [
        Event.model_construct(id=f"e-{i}", title=f"event {i}", type=types[i % 4],
                              date=(dt.date(2020, 1, 1) + dt.timedelta(days=i % 900)).isoformat(),
                              date_inferred=False, actors=["A"], people=[], location=None, modality="asserted",
                              sources=[], relations=[], confidence=None, tags=[], notes=None, curated=False,
                              fingerprint=None)
        for i in range(n)
    ]
    return Timeline.model_construct(title="many", documents=[], events=events, rejected=[])


def test_many_events_share_lane_rows_use_webgl_and_few_traces():
    tl = _many(3000)
    fig = figure.build_figure(tl, build_table(tl))
    handles = traces(fig, "event")
    assert sum(len(t.customdata) for t in handles) == 3000
    assert all(t.type == "scattergl" for t in handles)
    assert len(fig.data) < 40  # per type and style, never per event
    assert len(fig.layout.yaxis.ticktext) == 4  # lanes only, with counts
    assert all("(750)" in label for label in fig.layout.yaxis.ticktext)


def test_selected_event_is_ringed():
    fig = figure.build_figure(small_timeline(), options=figure.FigureOptions(selected="month"))
    ring = traces(fig, "selected")
    _, x, y, _ = handle_of(fig, "month")
    assert len(ring) == 1 and (float(ring[0].x[0]), float(ring[0].y[0])) == (x, y)
    assert traces(figure.build_figure(small_timeline(), options=figure.FigureOptions(selected="nope")), "selected") == []


@pytest.mark.parametrize("case", ["small", "small-relations", "many"])
def test_fast_to_dict_gives_what_plotly_gives(case):
    """TimelineFigure.to_dict shares immutable leaves; the JSON must equal plotly's own deep-copy path."""
    tl = _many(3000) if case == "many" else small_timeline()
    options = figure.FigureOptions(relations=case == "small-relations", selected="e-7" if case == "many" else "day")
    fig = figure.build_figure(tl, options=options)
    ours = fig.to_dict()
    plotlys = go.Figure.to_dict(fig)
    assert json.loads(figure.pio.to_json(ours, validate=False)) == json.loads(figure.pio.to_json(plotlys, validate=False))
    assert any("bdata" in str(t.get("x")) for t in ours["data"])  # arrays still travel as base64


def test_fast_to_dict_is_a_copy():
    fig = figure.build_figure(small_timeline())
    first = fig.to_dict()
    first["data"][0]["line"]["color"] = "changed"
    first["layout"]["yaxis"]["ticktext"].append("changed")
    handle = next(t for t in first["data"] if t.get("meta") == "event")
    handle["customdata"].append("changed")
    assert fig.to_dict() == go.Figure.to_dict(fig)
    assert "changed" not in json.dumps(fig.to_dict())
