"""Twenty-first tagger round (seventeenth session): error classes seen in several texts or corpora, on the project's own sentences."""

import datetime as dt

import pytest

from tagged import finder

WEDNESDAY = dt.date(2026, 3, 4)


found = finder(WEDNESDAY, typed=True)


@pytest.mark.parametrize("text, expected", [
    ("Survivors meet at the bridge every March 12 to read the names.", ("every March 12", "SET", "XXXX-03-12")),
    ("A bell is rung each 3 October for the drowned fishermen.", ("each 3 October", "SET", "XXXX-10-03")),
    ("Rents fall due on the 28th of every month.", ("the 28th of every month", "SET", "XXXX-XX-28")),
    ("The committee sits on the second day of each month.", ("the second day of each month", "SET", "XXXX-XX-02")),
])
def test_a_recurring_calendar_day_keeps_its_day(text, expected):
    """'every March 12', 'the 28th of every month': the day recurs, not only the month or the period."""
    assert expected in found(text)


@pytest.mark.parametrize("text, expected", [
    ("The memorial was unveiled every May 9, 2019 and so on.", ("May 9, 2019", "DATE", "2019-05-09")),
    ("The inspectors call every month.", ("every month", "SET", "P1M")),
    ("Every April the river floods the meadows.", ("Every April", "SET", "XXXX-04")),
])
def test_a_dated_day_or_a_bare_recurring_month_is_left_as_it_was(text, expected):
    """A year after the day makes it a date; 'every month' stays the period, 'every April' the month."""
    assert expected in found(text)


def test_a_day_that_does_not_exist_is_no_recurring_day():
    """'every February 30' names no day: no set with that day is made."""
    assert all(value != "XXXX-02-30" for _, _, value in found("They claim to meet every February 30."))


@pytest.mark.parametrize("text, expected", [
    ("The bakery on the square now bakes four days a week.", ("four days a week", "SET", "P1W")),
    ("Volunteers staff the hotline two nights a month.", ("two nights a month", "SET", "P1M")),
    ("Nurses worked twelve hours a day, five days a week, through the outbreak.", ("five days a week", "SET", "P1W")),
])
def test_a_count_of_days_in_each_week_is_one_rate(text, expected):
    """'four days a week' is how often the week's days recur (SET P1W), not a length and a week."""
    assert expected in found(text)


def test_a_count_of_days_before_a_step_back_is_left_alone():
    """'nine days a year earlier' is a length and a date a year back, no rate."""
    assert all(kind != "SET" for _, kind, _ in found("Prices held for nine days a year earlier."))


@pytest.mark.parametrize("text, expected", [
    ("The canal was dredged in 2018. Barges returned the following spring.", ("the following spring", "DATE", "2019-SP")),
    ("The ferry stopped in October 2017 and ran again the following summer.", ("the following summer", "DATE", "2018-SU")),
    ("The depot reopened on 14 February 2021, closed since a fire the previous autumn.", ("the previous autumn", "DATE", "2020-FA")),
    ("The mill shut in 2009 and reopened in the spring of the following year.", ("the spring of the following year", "DATE", "2010-SP")),
])
def test_following_and_previous_seasons_step_from_the_date_told(text, expected):
    """'the following spring' steps from the date the story told, not from the report's day."""
    assert expected in found(text)


@pytest.mark.parametrize("text, expected", [
    ("The ferry stopped in 2017 and will run again next summer.", ("next summer", "DATE", "2026-SU")),
    ("Fields flooded in 2019; last winter was dry.", ("last winter", "DATE", "2025-WI")),
    ("Barges will return the following spring.", ("the following spring", "DATE", "2027-SP")),
])
def test_next_and_last_seasons_still_step_from_the_report(text, expected):
    """'next summer', 'last winter' stay the report's; with no date told, 'the following spring' too."""
    assert expected in found(text)


def test_a_type_with_no_gold_and_no_prediction_prints_as_nothing_to_score():
    """The per-type table writes '-' for a type neither the gold nor the system has (esc-dev's SET),
    and the figures for a type the system missed entirely."""
    from timeline.evaluate.timex_report import table
    empty = {"relaxed_f1": 0.0, "value_f1": 0.0, "gold": 0, "predicted": 0}
    missed = {"relaxed_f1": 0.0, "value_f1": 0.0, "gold": 3, "predicted": 0}
    row = {"system": "timeline", "version": "0", "by_type": {"DATE": missed, "SET": empty}}
    report = {"corpus": "demo", "docs": 1, "gold_timexes": 3, "mode": "news", "date": "now",
              "python": "3", "gold_sha256": "0" * 64, "results": [row]}
    assert table(report).splitlines()[-1] == "| timeline | 0.000 / 0.000 | - |"


@pytest.mark.parametrize("text, expected", [
    ("Hardly any aid arrived in the first year of the blockade.", ("the first year", "DURATION", "P1Y")),
    ("\"The first week will tell us whether the truce holds,\" a monitor said.", ("The first week", "DURATION", "P1W")),
    ("In the second month alone the clinic treated 900 children.", ("the second month", "DURATION", "P1M")),
])
def test_an_early_stretch_counted_from_the_start_is_a_length(text, expected):
    """'the first year of the blockade', 'the second month': one unit's length, as TimeML writes it."""
    assert expected in found(text)


@pytest.mark.parametrize("text", [
    "Turnout rose for the third year running.",
    "The first week in March was dry.",
    "The second-year cadets paraded.",
])
def test_a_streak_or_a_calendar_week_is_no_early_stretch(text):
    """A streak, a week of a named month, or an adjective of a class is no length of one unit."""
    assert all(kind != "DURATION" for _, kind, _ in found(text))
