"""Map view: events with a known place on an offline map, coloured by type; the rest counted, not dropped."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from timeline import map_figure, store
from timeline.figure import colour
from timeline.filters import build_table
from timeline.models import Event, Timeline

ROOT = Path(__file__).resolve().parents[1]


def seed() -> Timeline:
    return store.loads((ROOT / "events.yaml").read_text(encoding="utf-8"))


def events_on(fig) -> dict[str, tuple[float, float]]:
    return {i: (lat, lon) for t in fig.data if t.meta == "event" for i, lat, lon in zip(t.customdata, t.lat, t.lon)}


def test_seed_events_with_a_place_are_on_the_map_and_the_others_counted():
    timeline = seed()
    table = build_table(timeline)
    fig, counts = map_figure.build_map(timeline, table, np.ones(len(table), dtype=bool))
    with_place = {e.id for e in timeline.events if e.location}
    assert set(events_on(fig)) == with_place and counts.placed == len(with_place)
    assert counts.no_place == len(timeline.events) - len(with_place) and counts.unknown == {}
    lat, lon = events_on(fig)["cis-summit-handshake"]
    assert abs(lat - 59.9) < 1 and abs(lon - 30.3) < 1  # St. Petersburg, from the offline gazetteer
    karabakh = [events_on(fig)[i] for i in ("fighting-resumes", "azerbaijan-attack", "loss-of-karabakh")]
    assert len(set(karabakh)) == 3 and all(abs(la - 39.9) < 2 and abs(lo - 46.7) < 2 for la, lo in karabakh)


def test_colour_by_type_and_hollow_for_a_whole_country():
    timeline = seed()
    fig, _ = map_figure.build_map(timeline, build_table(timeline), np.ones(len(timeline.events), dtype=bool))
    for trace in (t for t in fig.data if t.meta == "event"):
        assert trace.marker.color == colour(trace.name)
        symbols = dict(zip(trace.customdata, trace.marker.symbol))
        if "pashinyan-visit-russia" in symbols:
            assert symbols["pashinyan-visit-russia"] == "circle-open"  # "Russia": only the country is known
        if "putin-raisi-meeting" in symbols:
            assert symbols["putin-raisi-meeting"] == "circle"  # Moscow


def test_unknown_places_are_named_in_the_counts():
    events = [Event(id="a", title="A", type="attack", location="Narnia"),
              Event(id="b", title="B", type="attack", location="Narnia"),
              Event(id="c", title="C", type="protest", location="Yerevan"), Event(id="d", title="D", type="attack")]
    timeline = Timeline(events=events)
    fig, counts = map_figure.build_map(timeline, build_table(timeline), np.ones(4, dtype=bool))
    assert set(events_on(fig)) == {"c"}
    assert (counts.placed, counts.no_place, counts.unknown) == (1, 1, {"Narnia": 2})
    assert map_figure.counts_words(counts) == (
        "1 event on the map (Yerevan 1); 1 without a place; 2 at places the gazetteer does not know: Narnia (2).")


def test_filters_and_selection_work_as_on_the_time_axis():
    timeline = seed()
    table = build_table(timeline)
    mask = table.types == "attack"
    fig, counts = map_figure.build_map(timeline, table, mask, selected="azerbaijan-attack")
    assert set(events_on(fig)) == {"azerbaijan-attack"} and counts.placed == 1
    ring = [t for t in fig.data if t.meta == "selected"]
    assert ring and (ring[0].lat[0], ring[0].lon[0]) == events_on(fig)["azerbaijan-attack"]


def test_the_map_needs_no_network():
    """plotly draws land and borders from TopoJSON: the app serves plotly's own file from static/."""
    timeline = seed()
    fig, _ = map_figure.build_map(timeline, build_table(timeline), np.ones(len(timeline.events), dtype=bool))
    geo = fig.layout.geo
    assert geo.showland and geo.showcountries and geo.resolution == 110
    topo = json.loads((ROOT / "static" / "world_110m.json").read_text(encoding="utf-8"))
    assert topo["type"] == "Topology" and {"land", "countries", "coastlines"} <= set(topo["objects"])
    assert map_figure.TOPOJSON_URL == "app/static/" and "enableStaticServing = true" in (
        ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8")


def test_hover_text_is_escaped():
    timeline = Timeline(events=[Event(id="a", title="<b>x</b>", type="attack", location="Moscow")])
    fig, _ = map_figure.build_map(timeline, build_table(timeline), np.ones(1, dtype=bool))
    hover = next(t for t in fig.data if t.meta == "event").hovertext[0]
    assert "<b>x</b>" not in hover and "&lt;b&gt;x&lt;/b&gt;" in hover
