"""Nineteenth tagger round (fifteenth session): error classes seen in several corpora, on the project's own sentences."""

import datetime as dt

import pytest

from tagged import finder
from timeline.timex import normalise

MONDAY = dt.date(2026, 1, 19)


found = finder(MONDAY)


@pytest.mark.parametrize("text", [
    "In the 1950s the quarry employed 800 men; today it employs eleven.",
    "For more than sixty years the bridge carried the only road north. Today it carries cyclists.",
    'The village had a school for two centuries. "Today my children take a bus to the town," she said.',
])
def test_a_today_set_against_years_told_in_the_past_is_the_open_present(text):
    """'In the 1950s it employed 800; today it employs eleven': then and now, not the report's day."""
    assert ("today", "PRESENT_REF") in [(t.lower(), v) for t, _, v in found(text)]


@pytest.mark.parametrize("text", [
    "Police arrested two men on Friday. Today the court hears their case.",  # no years told
    "In the 1990s the mill closed. Today the council approved a new plan.",  # told in the past itself
    "For years the town has asked for a bridge. Today it asked again.",  # a perfect reaches to now
    'For ten years he ran the club. "Today I could not watch," he said.',  # a modal of the day
])
def test_a_today_of_the_report_stays_the_report_day(text):
    """Without a closed past stretch before it, or told in the past itself, 'today' is the report's day."""
    assert ("today", "2026-01-19") in [(t.lower(), v) for t, _, v in found(text)]


@pytest.mark.parametrize("text, expected", [
    ("Inflation rose to 4.2 percent in December, from 3.9 percent a year earlier.", "2024-12"),
    ("Output grew in the third quarter of 2025, up from 1.5% a year earlier.", "2024-Q3"),
    ("Unemployment fell in the first half of 2025 from 7 per cent a year before.", "2024-H1"),
])
def test_a_year_earlier_after_a_compared_figure_is_the_period_a_year_back(text, expected):
    """'from 6.1 percent a year earlier', said of a month, quarter or half just told: that period a
    year back, as 'from a year earlier' already was."""
    assert expected in [v for t, _, v in found(text) if "year" in t and t.startswith("a")]


def test_a_year_earlier_without_a_period_told_keeps_the_year():
    """'down from nine days a year earlier' with no month told stays a year back from the report."""
    assert ("a year earlier", "DATE", "2025") in found("Ships now wait four days, down from nine days a year earlier.")


@pytest.mark.parametrize("text, expected", [
    ("The ferry sank on 4 June 2021. The day before the sinking, the crew had complained.", ("The day", "DATE", "2021-06-03")),
    ("Rebels took the port on 9 May 2019. The day after the fall of the port, talks began.", ("The day", "DATE", "2019-05-10")),
    ("The strike began on 2 March 2020. The day following Nadia's arrest, it spread.", ("The day", "DATE", "2020-03-03")),
])
def test_the_day_next_to_an_event_is_a_date(text, expected):
    """'the day before the sinking': a date next to the day the story told, as the TIMEX corpora mark it."""
    assert expected in found(text)


def test_the_day_next_to_an_event_set_after_a_day_restates_it():
    """'on 2 October 1950, the day after the crossing': the same day, written again."""
    text = "The envoys met on 2 October 1950, the day after the army's crossing of the river."
    assert ("the day", "DATE", "1950-10-02") in found(text)


def test_the_day_before_a_clause_is_left_alone():
    """'the day before the guards found him' opens a clause, whose day the story may not tell."""
    assert [t for t in found("He called his brother the day before the guards found him.") if t[0] == "the day"] == []


def test_the_day_next_to_an_event_sets_no_anchor():
    """A later bare clock keeps the day the story told, not the day next to the event."""
    text = "The ferry sank on 4 June 2021. The day before the sinking, the crew complained. Divers arrived at 9 a.m."
    assert ("9 a.m.", "TIME", "2021-06-04T09:00") in found(text)


def test_the_compared_figure_rule_needs_its_figure(monkeypatch):
    """Without the figure allowed between, 'from 4.2 percent a year earlier' is no comparison."""
    import re
    monkeypatch.setattr(normalise, "_COMPARED_WITH", re.compile(r"\b(?:from|than|with|over|against|on)[ \t]+$", re.IGNORECASE))
    assert "2024-12" not in [v for _, _, v in found("Inflation rose to 4.2 percent in December, from 3.9 percent a year earlier.")]


@pytest.mark.parametrize("text", [
    "All ferries are cancelled for the rest of the day.",
    "Crews will work throughout the day to clear the road.",
])
def test_the_rest_of_the_day_told_now_is_the_report_day(text):
    """'cancelled for the rest of the day' in a report told in the present: the report's own day."""
    assert ("the day", "DATE", "2026-01-19") in found(text)


def test_the_rest_of_the_day_told_in_the_past_is_the_day_last_told():
    """'fighting went on throughout the day' after 'on Friday': that Friday."""
    text = "Rebels attacked the town on Friday. Fighting went on throughout the day."
    assert ("the day", "DATE", "2026-01-16") in found(text)
