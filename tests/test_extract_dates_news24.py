"""Dates on news, twenty-fourth session: a day told only by pointing back ('the next day', 'that
evening') lies within the period the story moved to when the date heading its sentence or the one
before is coarser than a day.
Sentences of my own; each asserts the date the mechanism gives and the shape it must leave alone.
"""

from __future__ import annotations

import pytest

from timeline.extract import Options, extract, lexicon
from timeline.models import Document

TOLD_PERIOD = lexicon.load("dating")["day_of_told_period"]


def _dated(text: str, published) -> list[tuple[str, str | None]]:
    events = extract([Document(id="news", text=text, published=published)], Options()).events
    return [(e.type, e.date) for e in events]


@pytest.mark.parametrize("case", [TOLD_PERIOD["example"], *TOLD_PERIOD["more_examples"], TOLD_PERIOD["counterexample"]],
                         ids=["following-day-of-a-month", "same-night-of-a-month", "following-day-of-a-day"])
def test_a_day_pointing_back_lies_in_the_period_the_story_moved_to(case):
    """'In March 2019 a court jailed ... the following day' is in March 2019 (or 1 April), 'In May ...
    the same night' in May, not the report's day nor a day after Friday's; after '4 March 2019' it is
    the 5th (dating.yaml, day_of_told_period)."""
    assert (case["type"], case["date"]) in _dated(case["text"], case["published"])
