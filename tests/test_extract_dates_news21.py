"""Dates on news, twenty-first session: a period told as under way ('earlier this month') is the
present one, not possibly the last; a step of weeks from a day told before ('a week later') dates an
act to the days around that many weeks on, not to the calendar week the count falls in. Sentences of
my own; each asserts the date the mechanism gives and the shape it must leave alone.
"""

from __future__ import annotations

import pytest

from timeline.extract import Options, extract, lexicon
from timeline.models import Document

CURRENT = lexicon.load("dating")["current_period"]
WEEKS = lexicon.load("dating")["counted_weeks"]


def _dates(text: str, published) -> list[tuple[str, str | None]]:
    events = extract([Document(id="news", text=text, published=published)], Options()).events
    return [(e.type, e.date) for e in events]


@pytest.mark.parametrize("case", [CURRENT["example"], *CURRENT["more_examples"], CURRENT["counterexample"]],
                         ids=["earlier-this-month", "earlier-this-year", "bare-this-week"])
def test_a_period_told_as_under_way_is_the_present_one(case):
    """'Earlier this month' is the month of the report up to its day; a bare 'this week' may still be
    the week just past, so it reaches back a week (lexicons/dating.yaml, current_period)."""
    assert _dates(case["text"], case["published"]) == [(case["type"], case["date"])]


@pytest.mark.parametrize("case", [WEEKS["example"], *WEEKS["more_examples"], WEEKS["counterexample"]],
                         ids=["week-later", "two-weeks-earlier", "from-a-month"])
def test_a_step_of_weeks_from_a_day_dates_the_days_around_it(case):
    """'On 14 June ... A week later' is 19-23 June (the tagger's calendar week is 20-26), 'on 30 June
    ... Two weeks earlier' 12-20 June; after a month told without its day the step is left as it was
    (lexicons/dating.yaml, counted_weeks)."""
    assert _dates(case["text"], case["published"])[-1] == (case["type"], case["date"])
