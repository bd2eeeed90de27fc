"""`timeline show` at the default width: dates stay whole and cut ids stay tell-apart-able."""

from __future__ import annotations

from timeline.models import Event, Timeline
from timeline.table import render


def _crowded() -> Timeline:
    """Two extracted ids that share a long head, long titles and actors, interval dates."""
    long_title = "A column of armoured vehicles entered the valley road at dawn " * 2
    return Timeline(events=[
        Event(id="abduction-abducted-workers-7qx2ab", title=long_title, type="abduction",
              date="2031-04-02/2031-04-09", actors=["Northern Brigade", "Valley Defence Committee"]),
        Event(id="abduction-abducted-workers-k3m9zz", title=long_title, type="abduction",
              date="2031-04-11/2031-04-18", date_inferred=True, actors=["Northern Brigade"]),
    ])


def test_interval_dates_whole_at_default_and_80_columns():
    for width in (100, 80):
        text = render(_crowded(), width=width)
        assert "2031-04-02/2031-04-09 " in text and "2031-04-11/2031-04-18*" in text
        assert max(len(line) for line in text.splitlines()) <= width


def test_cut_ids_keep_their_distinct_end():
    for width, tails in ((100, ("-7qx2ab", "-k3m9zz")), (80, ("x2ab", "m9zz"))):
        lines = render(_crowded(), width=width).splitlines()[2:4]
        ids = [line.split()[0] for line in lines]
        assert all("…" in i for i in ids) and ids[0] != ids[1]
        assert ids[0].endswith(tails[0]) and ids[1].endswith(tails[1])
