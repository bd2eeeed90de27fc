"""Sixteenth tagger round: general classes of the timex-unseen misses, on the project's own sentences."""

import datetime as dt

import pytest

from timeline.timex import tag

MONDAY = dt.date(2026, 1, 19)


def found(text, published=MONDAY, mode="news"):
    return [(t.text, t.type, t.value) for t in tag(text, published, mode)]


@pytest.mark.parametrize("text, clock, day", [
    ("Gunmen stormed the depot at about 4:10 a.m. on Saturday, a spokesman said.",
     ("about 4:10 a.m.", "TIME", "2026-01-17T04:10"), ("Saturday", "DATE", "2026-01-17")),
    ("The ferry sank at 9:45 p.m. on Friday, near the harbour.",
     ("9:45 p.m.", "TIME", "2026-01-16T21:45"), ("Friday", "DATE", "2026-01-16")),
])
def test_a_clock_and_its_weekday_across_on_are_two_expressions(text, clock, day):
    """'at 4:10 a.m. on Saturday': 'on' keeps the clock and the day apart, as it does before a
    date ('11:30 p.m. on March 9'); the clock still reads the day."""
    assert clock in found(text) and day in found(text)


def test_a_clock_and_its_weekday_without_a_preposition_stay_one():
    assert ("4:10 a.m. Saturday", "TIME", "2026-01-17T04:10") in found("The depot burned at 4:10 a.m. Saturday.")


@pytest.mark.parametrize("text, expected", [
    ("Forecasters have extended the flood warning to noon Tuesday.", ("noon Tuesday", "TIME", "2026-01-20T12:00")),
    ("The army has extended the curfew until Wednesday.", ("Wednesday", "DATE", "2026-01-21")),
    ("The ministry has extended the alert until 8 a.m. on Thursday.", ("Thursday", "DATE", "2026-01-22")),
    ("The court extended his detention to Wednesday.", ("Wednesday", "DATE", "2026-01-21")),
])
def test_an_extension_reaches_ahead_from_its_moment(text, expected):
    """'has extended the warning to noon Tuesday': the end an extension reaches is the nearest
    such day, not last week's, though 'extended' is a past form; also past a clock ('until 8 a.m.
    on Thursday')."""
    assert expected in found(text)


def test_an_extension_told_without_a_deadline_stays_past():
    """'extended' with no deadline word before the day is a past form as any other."""
    assert ("Friday", "DATE", "2026-01-16") in found("The council extended the lease on Friday.")


@pytest.mark.parametrize("text, expected", [
    ("Inspectors visit the plant every week.", ("every week", "SET", "P1W")),
    ("The fund pays out each month.", ("each month", "SET", "P1M")),
    ("Prices have risen every year since 2020.", ("every year", "SET", "P1Y")),
    ("The board reports each quarter.", ("each quarter", "SET", "P3M")),
    ("The bank reports quarterly.", ("quarterly", "SET", "P3M")),
    ("The market opens every weekend.", ("every weekend", "SET", "XXXX-WXX-WE")),
    ("The council meets annually.", ("annually", "SET", "XXXX")),
])
def test_a_counted_out_unit_is_a_period_and_an_adverb_a_pattern(text, expected):
    """'every week' is the period between occurrences (P1W, TimeML's and the TIMEX3 texts'
    writing); a quarter is three months (ISO has no quarter); 'every weekend' and the adverbs
    ('annually') stay calendar patterns, as TE3 and WikiWars write them."""
    assert expected in found(text)
