"""Sequence view: the solver's order left to right, blocks for during/overlaps, labels that never overlap,
and contradictions exactly as ``timeline validate`` reports them."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from five_articles import five_article_timeline
from timeline import sequence, store
from timeline.cli import main
from timeline.figure import to_json
from timeline.filters import build_table
from timeline.models import Document, Event, Relation, Source, Timeline
from timeline.sequence_figure import build_sequence_figure, legend_html

ROOT = Path(__file__).resolve().parents[1]


def ev(event_id, date=None, rel=(), title=None, inferred=False):
    return Event(id=event_id, title=title or event_id, type="attack", date=date, date_inferred=inferred,
                 sources=[Source(document="doc", quote="x")], relations=[Relation(relation=r, target=t) for r, t in rel])


def tl(*events):
    return Timeline(documents=[Document(id="doc", published="2024-01-31")], events=list(events))


def seed() -> Timeline:
    return store.loads((ROOT / "events.yaml").read_text(encoding="utf-8"))


def ranks(timeline: Timeline) -> dict[str, int]:
    order = sequence.build_order(timeline)
    return dict(zip(order.ids, order.rank.tolist()))


def everything(timeline: Timeline) -> np.ndarray:
    return np.ones(len(timeline.events), dtype=bool)


def test_the_seed_reads_left_to_right_in_the_texts_order():
    r = ranks(seed())
    chain = ["fighting-resumes", "russia-waits", "russia-forces-ceasefire", "pashinyan-rejects-help",
             "armenia-distances-from-russia"]
    assert [r[i] for i in chain] == sorted(r[i] for i in chain) and len({r[i] for i in chain}) == 5
    assert r["fighting-resumes"] < r["azerbaijan-attack"] == r["joint-exercises"]  # "another attack", during
    assert r["azerbaijan-attack"] < r["us-calls-for-dialogue"] and r["azerbaijan-attack"] < r["recognition-offer"]
    assert r["csto-summits-boycott"] < r["pashinyan-visit-russia"] == r["cis-summit-handshake"] < r["peace-treaty"]
    assert r["azerbaijan-attack"] < r["cis-summit-handshake"]  # by the dates alone: Sep before Dec 2023
    unordered = {i for i, k in r.items() if k < 0}
    assert unordered == {"strategic-mistake-interview", "loss-of-karabakh", "putin-middle-east-trip", "putin-raisi-meeting"}


def test_unordered_events_are_set_apart_in_their_own_band():
    timeline = seed()
    layout = sequence.lay_out(sequence.build_order(timeline), everything(timeline))
    band = next(b for b in layout.bands if b.title == "Not ordered against any other event")
    ids = [timeline.events[r].id for r, y in zip(layout.idx.tolist(), layout.y) if band.top < y < band.bottom]
    assert set(ids) == {"strategic-mistake-interview", "loss-of-karabakh", "putin-middle-east-trip", "putin-raisi-meeting"}
    assert band is layout.bands[-1]


def test_dates_alone_order_events_and_get_their_band():
    timeline = tl(ev("jan", "2023-01"), ev("may", "2023-05-01"), ev("mid-jan", "2023-01-15"), ev("open"))
    order = sequence.build_order(timeline)
    assert dict(zip(order.ids, order.rank.tolist())) == {"jan": 0, "mid-jan": 0, "may": 1, "open": -1}
    layout = sequence.lay_out(order, everything(timeline))
    assert [b.title for b in layout.bands] == ["Ordered by their dates alone", "Not ordered against any other event"]


def test_during_shares_a_column_in_one_block_container_first():
    timeline = tl(ev("visit", rel=[("after", "boycott")]), ev("summit", "2023-12-26", [("during", "visit")]), ev("boycott"))
    order = sequence.build_order(timeline)
    layout = sequence.lay_out(order, everything(timeline))
    pos = {timeline.events[r].id: k for k, r in enumerate(layout.idx.tolist())}
    assert layout.x[pos["visit"]] == layout.x[pos["summit"]] > layout.x[pos["boycott"]]
    assert layout.y[pos["visit"]] + 1 == layout.y[pos["summit"]]
    assert layout.blocks == [([pos["visit"], pos["summit"]], "during")]


def test_a_block_that_is_ordered_inside_is_split():
    timeline = tl(ev("war"), ev("a", rel=[("during", "war"), ("before", "b")]), ev("b", rel=[("during", "war")]))
    r = ranks(timeline)
    assert r["a"] < r["b"]


@st.composite
def orderable(draw):
    """Random timelines without contradictions: relations only from earlier to later events,
    dates increasing along the file so that they agree with the relations."""
    n = draw(st.integers(2, 9))
    events = []
    for i in range(n):
        rels = [("after", f"e{j}") for j in draw(st.sets(st.integers(0, i - 1), max_size=2))] if i else []
        date = draw(st.sampled_from([None, f"2023-{i + 1:02d}", f"2023-{i + 1:02d}-15", f"../2023-{i + 2:02d}-01"]))
        events.append(ev(f"e{i}", date, rels))
    return tl(*events)


@settings(max_examples=120, deadline=None)
@given(orderable())
def test_every_known_order_points_left_to_right(timeline):
    order = sequence.build_order(timeline)
    assert order.conflicts == []
    r = order.rank
    for ln in order.links:
        assert r[ln.tail] < r[ln.head]  # a stated before goes to a later column
    with np.errstate(invalid="ignore"):
        ends_before = order.hi[:, None] < order.lo[None, :]
    for a, b in zip(*np.nonzero(ends_before)):
        assert 0 <= r[a] < r[b]  # dates that cannot meet are ordered too
    for event_id in order.ids:
        near = sequence.around(order, event_id)
        i = order.index[event_id]
        assert all(r[order.index[j]] < r[i] for j in near.before) and all(r[order.index[j]] > r[i] for j in near.after)


def test_selection_knows_what_must_come_before_and_after():
    order = sequence.build_order(seed())
    near = sequence.around(order, "azerbaijan-attack")
    assert near.before == {"fighting-resumes"} and near.same_time == {"joint-exercises"}
    assert near.after == {"us-calls-for-dialogue", "recognition-offer", "cis-summit-handshake", "peace-treaty"}
    summit = sequence.around(order, "cis-summit-handshake")
    assert "csto-summits-boycott" in summit.before  # before the visit the summit happens during


@pytest.mark.parametrize("name, timeline", [("seed", seed()), ("five articles", five_article_timeline())])
def test_labels_never_overlap(name, timeline):
    """Estimated text boxes (an upper bound of the rendered text) at the narrowest chart width designed for."""
    assert (name != "five articles") or (len(timeline.events) >= 60 and len(timeline.documents) == 5)
    order = sequence.build_order(timeline)
    layout = sequence.lay_out(order, everything(timeline))
    boxes = sequence.label_boxes(order, layout, sequence.MAX_VISIBLE * sequence.COLUMN_PX)
    assert sequence.overlaps(boxes) == []
    width = boxes[:, 2] - boxes[:, 0]
    assert width.max() < sequence.COLUMN_PX  # every label fits its column


def test_overlap_check_finds_overlaps():
    boxes = np.array([[0, 0, 10, 10], [5, 5, 15, 15], [20, 0, 30, 10], [10, 0, 20, 6]], dtype=float)
    assert sequence.overlaps(boxes) == [(0, 1), (1, 3)]


def test_long_titles_wrap_within_three_lines():
    lines = sequence.wrap("Pashinyan calls security dependence on Russia a strategic mistake in an interview with a newspaper")
    assert len(lines) == 3 and all(len(line) <= sequence.WRAP for line in lines) and lines[-1].endswith("\u2026")
    assert sequence.wrap("Supercalifragilisticexpialidocious-and-more-words") == [
        "Supercalifragilisticexpi", "alidocious-and-more-word", "s"]


# --- contradictions: the same as `timeline validate` --------------------------------------------

BROKEN = {
    "cycle": tl(ev("a", rel=[("before", "b")]), ev("b", rel=[("before", "c")]), ev("c", rel=[("before", "a")]), ev("d")),
    "dates": tl(ev("a", "2023-09-19", [("before", "b")]), ev("b", "2023-09-01"), ev("c", rel=[("after", "a")])),
    "disjoint": tl(ev("a", "2023-01", [("overlaps", "b")]), ev("b", "2023-03"), ev("c", "2023-06")),
}


def _validate_messages(timeline: Timeline, tmp_path, capsys) -> set[str]:
    path = tmp_path / "events.yaml"
    path.write_text(json.dumps(timeline.model_dump(mode="json", exclude_none=True)), encoding="utf-8")
    assert main(["validate", str(path)]) == 1
    lines = capsys.readouterr().err.splitlines()[:-1]  # the last line counts the problems
    return {line.split(": ", 2)[2] for line in lines}


@pytest.mark.parametrize("kind", sorted(BROKEN))
def test_contradictions_agree_with_validate(kind, tmp_path, capsys):
    timeline = BROKEN[kind]
    order = sequence.build_order(timeline)
    assert {c.message for c in order.conflicts} == _validate_messages(timeline, tmp_path, capsys)
    spec = json.loads(to_json(build_sequence_figure(timeline, order, build_table(timeline), everything(timeline))))
    named = {i for c in order.conflicts for i in c.event_ids}
    rings = [t for t in spec["data"] if t.get("meta") == "conflict"]
    assert rings and len(_points(rings[0])) == len(named)
    red = [t for t in spec["data"] if t.get("meta") == "contradiction"]
    bad = {tuple(r) for c in order.conflicts for r in c.relations}
    assert len(red) == 1 and _segments(red[0]) == len(bad)  # every relation in the contradiction is drawn red


def test_a_valid_file_has_no_contradiction_in_either(capsys):
    assert main(["validate", str(ROOT / "events.yaml")]) == 0
    assert sequence.build_order(seed()).conflicts == []


def _points(trace) -> list:
    x = trace["x"]
    return x if isinstance(x, list) else list(np.frombuffer(__import__("base64").b64decode(x["bdata"]), x["dtype"]))


def _segments(trace) -> int:
    return sum(1 for v in trace["x"] if v is None)


# --- the figure ---------------------------------------------------------------------------------


def test_figure_nodes_carry_ids_and_dates_in_words():
    timeline = seed()
    order = sequence.build_order(timeline)
    fig = build_sequence_figure(timeline, order, build_table(timeline), everything(timeline))
    nodes = [t for t in fig.data if t.meta == "event"]
    ids = [i for t in nodes for i in t.customdata]
    assert sorted(ids) == sorted(e.id for e in timeline.events)
    text = " ".join(s for t in nodes for s in t.text)
    assert "on or before 31 Jan 2024" in text and "11 to 20 Sep 2023" in text and "26 Dec 2023" in text
    assert {t.meta for t in fig.data} >= {"before", "arrowhead", "block-during"}
    assert fig.layout.height == sequence_figure_height(order, timeline)


def sequence_figure_height(order, timeline) -> int:
    from timeline.sequence_figure import figure_height

    return figure_height(sequence.lay_out(order, everything(timeline)))


def test_filters_hide_events_and_close_up_the_columns():
    timeline = seed()
    order = sequence.build_order(timeline)
    table = build_table(timeline)
    mask = np.isin(table.ids, ["fighting-resumes", "armenia-distances-from-russia"])
    layout = sequence.lay_out(order, mask)
    assert sorted(layout.x.tolist()) == [0.0, 1.0] and layout.columns == 2
    fig = build_sequence_figure(timeline, order, table, mask)
    assert sorted(i for t in fig.data if t.meta == "event" for i in t.customdata) == [
        "armenia-distances-from-russia", "fighting-resumes"]


def test_selection_rings_the_event_and_fades_the_unrelated():
    timeline = seed()
    order = sequence.build_order(timeline)
    fig = build_sequence_figure(timeline, order, build_table(timeline), everything(timeline), "azerbaijan-attack")
    colour = {i: c for t in fig.data if t.meta == "event" for i, c in zip(t.customdata, t.textfont.color)}
    assert colour["fighting-resumes"] == colour["us-calls-for-dialogue"] == colour["azerbaijan-attack"] == "#222222"
    assert colour["russia-waits"] == colour["putin-raisi-meeting"] == "#bbbbbb"
    assert [t for t in fig.data if t.meta == "selected"]


def test_titles_are_escaped_and_the_legend_too():
    timeline = tl(ev("x", "2023-09-19", title="<script>alert(1)</script> & co"))
    order = sequence.build_order(timeline)
    table = build_table(timeline)
    fig = build_sequence_figure(timeline, order, table, everything(timeline))
    label = next(t for t in fig.data if t.meta == "event").text[0]
    assert "<script>" not in label and "&lt;script&gt;" in label and "&amp; co" in label
    assert "<script>" not in legend_html(table, everything(timeline))


def test_no_event_shown_says_so():
    timeline = seed()
    fig = build_sequence_figure(timeline, sequence.build_order(timeline), build_table(timeline),
                                np.zeros(len(timeline.events), dtype=bool))
    assert not [t for t in fig.data if t.meta == "event"]
    assert "No event matches" in fig.layout.annotations[0].text
