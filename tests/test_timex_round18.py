"""Eighteenth tagger round: classes of the misses on the development sets, on the project's own sentences."""

import datetime as dt

import pytest

from timeline.timex import tag

MONDAY = dt.date(2026, 1, 19)


def found(text, published=MONDAY, mode="news"):
    return [(t.text, t.type, t.value) for t in tag(text, published, mode)]


@pytest.mark.parametrize("text, expected", [
    ("The assembly named her acting governor until early March.", ("early March", "DATE", "2026-03")),
    ("The council voted on Friday to keep the shelter open until February.", ("February", "DATE", "2026-02")),
    ("Donors said the camp must be moved before April.", ("April", "DATE", "2026-04")),
])
def test_a_deadline_told_in_a_past_clause_may_lie_ahead(text, expected):
    """'named her governor until early March', said in January: the end a past decision sets is
    weighed as a date either side of the report, not pushed back a year by the past verb."""
    assert expected in found(text)


@pytest.mark.parametrize("text, expected", [
    ("The strike lasted until November.", ("November", "DATE", "2025-11")),
    ("The road was closed until early December.", ("early December", "DATE", "2025-12")),
])
def test_a_deadline_told_in_the_past_stays_past_when_nearer(text, expected):
    """An end told in the past that falls shortly before the report keeps its year."""
    assert expected in found(text)
