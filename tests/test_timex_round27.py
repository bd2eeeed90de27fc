"""Twenty-seventh tagger round (twenty-third session): a weekday in a clause that gives no tense, on the project's own sentences."""

import datetime as dt

import pytest

from tagged import finder

found = finder(dt.date(2026, 3, 4), typed=True)  # a Wednesday


@pytest.mark.parametrize("text, span, value", [
    ("Thursday is a day off for the dock workers of the port.", "Thursday", "2026-03-05"),
    ("The photo exhibition of the old harbour stays open in the town hall until Friday.", "Friday", "2026-03-06"),
    ("The market square is quiet on Monday.", "Monday", "2026-03-02"),
    ("The lantern stalls by the canal close for good on Saturday.", "Saturday", "2026-02-28"),
])
def test_a_weekday_in_a_clause_without_tense_is_the_coming_one_only_a_day_or_two_ahead(text, span, value):
    """No past or future cue says on which side of the report the day lies: the coming one when it
    is one or two days ahead, else the past one, as a news report mostly tells the week behind it."""
    assert (span, "DATE", value) in found(text)


@pytest.mark.parametrize("text, span, value", [
    ("The mayor opened the new bridge on Thursday.", "Thursday", "2026-02-26"),
    ("The exhibition will close on Monday.", "Monday", "2026-03-09"),
    ("The courier must have crossed the river on Thursday.", "Thursday", "2026-02-26"),
])
def test_a_weekday_in_a_clause_with_a_tense_follows_it(text, span, value):
    """A past or a future verb still decides: 'opened on Thursday' is last week's; a form of 'have'
    may be a perfect ('must have crossed'), so the clause keeps the past as before."""
    assert (span, "DATE", value) in found(text)
