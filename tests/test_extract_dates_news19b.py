"""Dates on news, nineteenth session, second round: 'overnight on Monday' is the night of the day
written after it (and the small hours of the next), not the night before the report. Sentences of
my own; each asserts the date the mechanism gives and the shape it must leave alone.
"""

from __future__ import annotations

import datetime as dt

import pytest

from timeline.extract import Options
from timeline.extract.pipeline import run
from timeline.models import Document

PUBLISHED = dt.date(2026, 3, 11)  # a Wednesday


def _dates(text: str) -> dict[str, str | None]:
    """Each mention's stated date by its trigger word (lower case), before co-reference joins them."""
    state = run(Document(id="news", text=text, published=PUBLISHED), Options())
    return {text[m.trigger.start:m.trigger.end].lower(): m.date for m in state.events}


@pytest.mark.parametrize("text", [
    "Militiamen looted a grain store overnight on Sunday, the governor said.",
    "MILITIAMEN LOOTED A GRAIN STORE OVERNIGHT ON SUNDAY, THE GOVERNOR SAID.",
])
def test_overnight_on_a_weekday_is_that_days_night_and_the_next_morning(text):
    assert _dates(text)["looted"] == "2026-03-08/2026-03-09"


def test_overnight_alone_is_still_the_night_before_the_report():
    assert _dates("Militiamen looted a grain store overnight, the governor said.")["looted"] == "2026-03-10/2026-03-11"
