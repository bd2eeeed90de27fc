"""The time axis opens on where the events are: a few far dates no longer squeeze the rest.

A briefing file of 600 events of 2019-2025 that also held an event of 1903 and a few of the
1980s opened on 1887-2041, the whole story in a sliver at the right. The first view now holds
the middle 96 % of the known dates when they fill less than half the span of all; the events it
leaves out are counted in a note above the plot, and a double-click zooms out to them."""

from __future__ import annotations

import datetime as dt

from timeline.figure import DAY_MS, FOCUS_MIN_EVENTS, build_figure
from timeline.filters import day_number
from timeline.models import Event, Timeline


def _timeline(dates: list[str]) -> Timeline:
    return Timeline(events=[Event(id=f"raid-{n}", title=f"Raid number {n}", type="attack", date=d)
                            for n, d in enumerate(dates)])


def _view(fig) -> tuple[dt.date, dt.date]:
    lo, hi = fig.layout.xaxis.range
    return tuple(dt.date(1970, 1, 1) + dt.timedelta(days=v / DAY_MS) for v in (lo, hi))


def _notes(fig) -> list[str]:
    return [a.text for a in fig.layout.annotations if a.name == "outside"]


def test_a_far_event_is_left_out_of_the_first_view_and_counted():
    days = [(dt.date(2031, 1, 1) + dt.timedelta(days=7 * n)).isoformat() for n in range(60)]
    fig = build_figure(_timeline(days + ["1905-06-01", "2032-02-01"]))
    lo, hi = _view(fig)
    assert dt.date(1990, 1, 1) < lo < dt.date(2031, 1, 1) and dt.date(2032, 2, 2) < hi < dt.date(2034, 1, 1)
    assert _notes(fig) == ["1 event outside this view (1 before): double-click to zoom out"]
    drawn = [x for t in fig.data if t.x is not None for x in t.x if isinstance(x, (int, float))]
    assert min(drawn) < day_number(dt.date(1906, 1, 1)) * DAY_MS  # still drawn: a zoom out shows it


def test_few_events_or_an_even_spread_keep_every_date_in_view():
    few = build_figure(_timeline(["2031-03-01"] * (FOCUS_MIN_EVENTS - 2) + ["1905-06-01"]))
    assert _view(few)[0] < dt.date(1905, 6, 1) and not _notes(few)
    spread = build_figure(_timeline([f"{1905 + 4 * n}-06-01" for n in range(30)]))
    assert _view(spread)[0] < dt.date(1905, 6, 1) and not _notes(spread)
