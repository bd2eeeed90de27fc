"""Filtering the event table: every facet, date overlap, text search, counts, and the fast dates."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from timeline import filters
from timeline.models import Document, Event, Relation, Source, Timeline


def timeline() -> Timeline:
    return Timeline(
        documents=[Document(id="d1", text="x"), Document(id="d2", text="y")],
        events=[
            Event(id="clash", title="Border clash", type="armed_clash", date="2023-09-19",
                  actors=["Armenia", "Azerbaijan"], sources=[Source(document="d1", quote="x")]),
            Event(id="truce", title="Truce agreed", type="ceasefire", date="2023-09", actors=["Russia"],
                  people=["Vladimir Putin"], sources=[Source(document="d2", quote="y")]),
            Event(id="talks", title="Talks in Moscow", type="negotiation", date="../2023-01-31",
                  actors=["Armenia"], notes="Mediated by the Kremlin"),
            Event(id="treaty", title="Peace treaty", type="agreement", date="2024-01-31/..", modality="hypothetical"),
            Event(id="undated", title="Undated statement", type="statement",
                  relations=[Relation(relation="after", target="clash")]),
        ],
    )


TABLE = filters.build_table(timeline())


def shown(**kw) -> list[str]:
    return TABLE.ids[filters.apply(TABLE, filters.Filters(**kw))].tolist()


def test_no_filter_shows_everything():
    assert shown() == ["clash", "truce", "talks", "treaty", "undated"]


@pytest.mark.parametrize("kw, expected", [
    ({"types": frozenset({"ceasefire", "agreement"})}, ["truce", "treaty"]),
    ({"actors": frozenset({"Armenia"})}, ["clash", "talks"]),
    ({"people": frozenset({"Vladimir Putin"})}, ["truce"]),
    ({"documents": frozenset({"d1"})}, ["clash"]),
    ({"modalities": frozenset({"hypothetical"})}, ["treaty"]),
    ({"text": "kremlin"}, ["talks"]),  # notes are searched, case-insensitively
    ({"text": "peace TREATY"}, ["treaty"]),  # every word must match
    ({"types": frozenset({"armed_clash"}), "actors": frozenset({"Russia"})}, []),  # filters combine
])
def test_each_facet(kw, expected):
    assert shown(**kw) == expected


def test_date_range_keeps_what_can_overlap_it():
    # Sep 2023 only: the day and month events; the open '../2023-01-31' ends before; undated stays
    assert shown(start=dt.date(2023, 9, 1), end=dt.date(2023, 9, 30)) == ["clash", "truce", "undated"]
    assert shown(start=dt.date(2025, 1, 1)) == ["treaty", "undated"]  # open after 2024-01-31


def test_counts_per_facet():
    mask = filters.apply(TABLE, filters.Filters(actors=frozenset({"Armenia"})))
    f = filters.facets(TABLE, mask)
    assert (f.shown, f.total) == (2, 5)
    assert f.counts["actor"] == {"Armenia": 2, "Azerbaijan": 1}
    assert f.counts["type"] == {"armed_clash": 1, "negotiation": 1}


def test_options_list_types_in_taxonomy_order_and_others_by_frequency():
    opts = filters.options(TABLE)
    assert opts["type"] == ["armed_clash", "ceasefire", "agreement", "negotiation", "statement"]
    assert opts["actor"][0] == "Armenia"


def test_rank_orders_by_earliest_date_then_by_relations():
    order = TABLE.ids[np.argsort(TABLE.rank)].tolist()
    assert order.index("talks") < order.index("truce") < order.index("clash")  # by earliest day
    same = Timeline(events=[
        Event(id="later", title="b", type="statement", date="../2024-01-31", relations=[Relation(relation="after", target="first")]),
        Event(id="first", title="a", type="statement", date="../2024-01-31"),
    ])
    table = filters.build_table(same)
    assert table.ids[np.argsort(table.rank)].tolist() == ["first", "later"]  # same dates: the relation decides


def test_unknown_lane_kind_is_a_clear_error():
    with pytest.raises(ValueError, match="lanes can be by"):
        filters.lane_codes(TABLE, "colour")


def test_describe_date_in_words():
    words = {e.id: filters.describe_date(e) for e in timeline().events}
    assert words["talks"] == "on or before 31 Jan 2023"
    assert words["treaty"] == "on or after 31 Jan 2024"
    assert words["truce"] == "between 01 Sep 2023 and 30 Sep 2023"
    assert words["undated"] == "date unknown"
