"""Twenty-second tagger round (eighteenth session): classes seen on esc-dev half A, the c17 batch and older texts, on the project's own sentences."""

import datetime as dt

import pytest

from tagged import finder

WEDNESDAY = dt.date(2026, 3, 4)


found = finder(WEDNESDAY, typed=True)


@pytest.mark.parametrize("text, clocks", [
    ("The water point usually opens from 7 a.m. to 11 a.m.", ("7 a.m.", "11 a.m.")),
    ("The library lends books from 9 a.m. to 1 p.m., three days a week.", ("9 a.m.", "1 p.m.")),
    ("The governor ordered the market closed from 8 p.m. to 6 a.m. for ten days.", ("8 p.m.", "6 a.m.")),
    ("A shuttle leaves every half hour between 6 a.m. and 9 p.m.", ("6 a.m.", "9 p.m.")),
    ("The clinic, which opens every Monday and Thursday from 8 a.m. to noon, was shut.", ("8 a.m.", "noon")),
    ("Trucks will cross from April 2, but only from 9 a.m. to 5 p.m. and only on weekdays.", ("9 a.m.", "5 p.m.")),
    ("Smugglers moved goods every night between 1 a.m. and 3 a.m., when the post was empty.", ("1 a.m.", "3 a.m.")),
])
def test_a_clock_range_of_a_habit_falls_on_no_one_day(text, clocks):
    """A range beside a habit's word, a rate or a stretch of days recurs: both clocks are any day's."""
    values = {span: value for span, _, value in found(text)}
    assert all(values[clock].startswith("XXXX-XX-XXT") for clock in clocks), values


@pytest.mark.parametrize("text, clock, value", [
    ("Shelling is planned for March 9 between 6 a.m. and 6 p.m., and roads stay shut for three days.", "6 a.m.", "2026-03-09T06:00"),
    ("The road was closed from 9 p.m. to 5 a.m.", "9 p.m.", "2026-03-04T21:00"),
])
def test_a_range_on_a_day_told_or_without_a_habit_keeps_its_day(text, clock, value):
    """A range right after a day told, or with no habit beside it, is that day's."""
    assert (clock, "TIME", value) in found(text)


TUESDAY = dt.date(2026, 7, 14)
found_tuesday = finder(TUESDAY, typed=True)


@pytest.mark.parametrize("text, expected", [
    ("Four people were hurt when a bus hit a bridge late on Sunday, and the road will stay shut until Friday.",
     ("Sunday", "DATE", "2026-07-12")),
    ("Two guards were killed when gunmen hit the post on Monday, but the border will reopen on Thursday.",
     ("Monday", "DATE", "2026-07-13")),
])
def test_a_coordinated_clause_does_not_lend_its_tense_to_a_when_clause(text, expected):
    """The future of a clause after ', and' is its own: the day of the 'when' clause before it is past."""
    assert expected in found_tuesday(text)


def test_a_when_clause_still_reads_its_own_verb_after_the_day():
    """'expects ... after a dry spring delayed the sowing': the subordinate clause's verb decides."""
    assert ("Monday", "DATE", "2026-07-13") in found_tuesday(
        "The board will meet again after the strike on Monday forced a delay.")


OCTOBER = dt.date(2026, 10, 21)
found_october = finder(OCTOBER, typed=True)


@pytest.mark.parametrize("text, expected", [
    ("Exports should grow in the first quarter of 2027 before slowing in the second half.", ("the second half", "DATE", "2027-H2")),
    ("In the third quarter of 2024 imports fell, but they recovered in the second half.", ("the second half", "DATE", "2024-H2")),
    ("Imports fell in the fourth quarter. Growth will pick up in the second half.", ("the second half", "DATE", "2026-H2")),
])
def test_a_bare_half_after_a_part_of_a_year_told_takes_its_year(text, expected):
    """'the second half' after 'the first quarter of 2027' in its sentence is 2027's, as a bare quarter is."""
    assert expected in found_october(text)


@pytest.mark.parametrize("text, expected", [
    ("The port said it had halted night sailings until the end of the month.", ("the end of the month", "DATE", "2026-07")),
    ("The port closed at the end of the month.", ("the end of the month", "DATE", "2026-06")),
])
def test_an_end_a_halt_runs_until_is_the_current_units(text, expected):
    """'halted ... until the end of the month' told early in July reaches July's end; 'closed at the end of the month' is June's."""
    assert expected in found_tuesday(text)


@pytest.mark.parametrize("text, expected", [
    ("The tribunal sits again on Friday next week.", ("Friday next week", "DATE", "2026-07-24")),
    ("Talks resume on Wednesday of next week.", ("Wednesday of next week", "DATE", "2026-07-22")),
    ("The depot was looted on Monday of last week.", ("Monday of last week", "DATE", "2026-07-06")),
    ("She left the clinic on Monday ( July 13 ) this week and flew home.", ("Monday ( July 13 ) this week", "DATE", "2026-07-13")),
])
def test_a_weekday_of_a_named_week_is_one_day_of_that_week(text, expected):
    """'Friday next week' is that Friday, one expression, not this week's Friday and a week beside it."""
    assert expected in found_tuesday(text)


def test_a_weekday_of_last_week_said_on_a_sunday_is_in_the_week_ending_that_day():
    """Said on Sunday 19 July, 'last week' is the week of 13-19 July, as 'last week' alone reads it."""
    assert ("Monday of last week", "DATE", "2026-07-13") in finder(dt.date(2026, 7, 19), typed=True)(
        "The depot was looted on Monday of last week.")


def test_a_weekday_and_a_week_across_a_comma_stay_two_expressions():
    """'ruled on Thursday, next week it sentences': a past Thursday and the week ahead, not one day."""
    assert [span for span, _, _ in found_tuesday("The tribunal ruled on Thursday, next week it sentences.")] == ["Thursday", "next week"]


@pytest.mark.parametrize("text, expected", [
    ("Cases doubled in the past fortnight.", [("the past fortnight", "DURATION", "P2W")]),
    ("The panel must report within a fortnight.", [("a fortnight", "DURATION", "P2W")]),
    ("The mayor left a fortnight ago.", []),
])
def test_a_fortnight_is_two_weeks_long(text, expected):
    """'within a fortnight' is a length of two weeks; 'a fortnight ago' is a step, not this length."""
    assert found_tuesday(text) == expected


MARCH = dt.date(2026, 3, 29)
found_march = finder(MARCH, typed=True)


@pytest.mark.parametrize("text, expected", [
    ("The crews trained on the lake through the winter.", ("the winter", "DATE", "2025-WI")),
    ("The crews trained on the lake last winter.", ("last winter", "DATE", "2025-WI")),
    ("The pass was closed in the winter of 2019.", ("the winter of 2019", "DATE", "2019-WI")),
])
def test_a_winter_is_valued_by_the_year_it_begins_in(text, expected):
    """Said in March 2026, the winter just past began in December 2025: 2025-WI, as 'last winter' is."""
    assert expected in found_march(text)
