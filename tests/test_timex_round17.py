"""Seventeenth tagger round: EventStoryLine's news conventions, on the project's own sentences."""

import datetime as dt

import pytest

from tagged import finder

MONDAY = dt.date(2026, 1, 19)


found = finder(MONDAY)


@pytest.mark.parametrize("text, expected", [
    ("Filed Wed., May. 6, 2026 9:15 AM EDT by the desk", ("Wed., May. 6, 2026 9:15 AM EDT", "TIME", "2026-05-06T09:15-04:00")),
    ("Filed Wed . , May . 6 , 2026 9 : 15 AM EDT by the desk", ("Wed . , May . 6 , 2026 9 : 15 AM EDT", "TIME", "2026-05-06T09:15-04:00")),
    ("The vote was held on May. 12 in the capital.", ("May. 12", "DATE", "2025-05-12")),
])
def test_may_with_a_stray_full_stop_is_the_month(text, expected):
    """A header that abbreviates every word writes 'May.' as it writes 'Sept.': the month, so
    the weekday, day, year and clock before and after it stay one expression."""
    assert expected in found(text)


@pytest.mark.parametrize("text", [
    "The talks may. Or they may not.",
    "The rebels say they may.",
])
def test_the_verb_may_before_a_full_stop_is_no_month(text):
    """'may' without its capital stays a verb, full stop or not."""
    assert found(text) == []
